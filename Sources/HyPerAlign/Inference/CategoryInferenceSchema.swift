import LanguageModels

/// The JSON schema of one category's answer when evidence is cited by sentence number: a statement and
/// one or two integers per hypothesis. Its grammar is the same size for a 7-line email and a novel.
enum CategoryInferenceSchema {
    /// - Parameters:
    ///   - count: hypotheses to ask for (at least `min(count, 2)` are required).
    ///   - sentenceCount: the highest sentence number a hypothesis may cite.
    ///   - withAttributes: also ask for register, domain and audience (one request of the three does).
    static func schema(count: Int, sentenceCount: Int, withAttributes: Bool) -> JSONValue {
        let hypothesis: JSONValue = .object([
            "type": "object",
            "properties": .object([
                // One sentence about the person, no quotes: short enough to read and to act on.
                "statement": .object(["type": "string", "pattern": #"^(They|The person) [a-z][^"\\.]{20,120}[.]$"#]),
                "evidence": .object([
                    "type": "array", "minItems": 1, "maxItems": 2,
                    "items": .object(["type": "integer", "minimum": 1, "maximum": .number(Double(max(1, sentenceCount)))]),
                ]),
            ]),
            "required": .array(["statement", "evidence"]),
            "additionalProperties": .bool(false),
        ])
        var properties: [String: JSONValue] = [
            "hypotheses": .object([
                "type": "array", "items": hypothesis,
                "minItems": .number(Double(min(count, 2))), "maxItems": .number(Double(count)),
            ])
        ]
        var required: [JSONValue] = ["hypotheses"]
        if withAttributes {
            properties["attributes"] = .object([
                "type": "object",
                "properties": .object([
                    "register": .object(["type": "string", "enum": ["formal", "semi-formal", "informal", "casual"]]),
                    // A short lowercase noun phrase ("ecology", "colleagues"), not a sentence.
                    "domain": .object(["type": "string", "pattern": #"^[a-z]+( [a-z]+){0,2}$"#]),
                    "audience": .object(["type": "string", "pattern": #"^[a-z]+( [a-z]+){0,2}$"#]),
                ]),
                "required": .array(["register", "domain", "audience"]),
                "additionalProperties": .bool(false),
            ])
            required.append("attributes")
        }
        return .object([
            "type": "object", "properties": .object(properties), "required": .array(required),
            "additionalProperties": .bool(false),
        ])
    }
}
