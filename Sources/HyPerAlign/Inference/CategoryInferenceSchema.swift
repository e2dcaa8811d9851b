import LanguageModels

/// The JSON schema of one category's answer when evidence is cited by sentence number: a statement and
/// one or two integers per hypothesis. Its grammar is the same size for a 7-line email and a novel.
enum CategoryInferenceSchema {
    /// - Parameters:
    ///   - category: picks the openings each hypothesis must start with (see ``openings(_:)``).
    ///   - count: hypotheses to ask for, all required (a small model stops early otherwise, and the checks
    ///     that follow drop some).
    ///   - sentenceCount: the highest sentence number a hypothesis may cite.
    ///   - withAttributes: also ask for the register (one request of the three does). Domain and audience
    ///     are not asked for: a 135M model fills them with pronouns.
    static func schema(category: Hypothesis.Category, count: Int, sentenceCount: Int, withAttributes: Bool) -> JSONValue {
        let items = (0..<count).map { position in
            hypothesis(opening: openings(category)[position % openings(category).count], sentenceCount: sentenceCount)
        }
        var properties: [String: JSONValue] = [
            "hypotheses": .object([
                "type": "array", "prefixItems": .array(items),
                "minItems": .number(Double(count)), "maxItems": .number(Double(count)),
            ])
        ]
        var required: [JSONValue] = ["hypotheses"]
        if withAttributes {
            properties["attributes"] = .object([
                "type": "object",
                "properties": .object([
                    "register": .object(["type": "string", "enum": ["formal", "semi-formal", "informal", "casual"]]),
                ]),
                "required": .array(["register"]),
                "additionalProperties": .bool(false),
            ])
            required.append("attributes")
        }
        return .object([
            "type": "object", "properties": .object(properties), "required": .array(required),
            "additionalProperties": .bool(false),
        ])
    }

    /// How the hypotheses of a category start, one opening per position: a 135M model asked for a list
    /// repeats its first statement, and a different opening per item makes each one say something else.
    static func openings(_ category: Hypothesis.Category) -> [String] {
        switch category {
        case .communication: ["They tend to ", "When they write, they ", "They often "]
        case .personality: ["They seem ", "They care about ", "They value "]
        case .style: ["They write ", "They use ", "Their sentences are "]
        }
    }

    /// One hypothesis: a one-sentence statement starting with `opening`, and one or two sentence numbers.
    static func hypothesis(opening: String, sentenceCount: Int) -> JSONValue {
        .object([
            "type": "object",
            "properties": .object([
                "statement": .object(["type": "string", "pattern": .string("^\(opening)[a-z][^\"\\\\.]{15,110}[.]$")]),
                "evidence": .object([
                    "type": "array", "minItems": 1, "maxItems": 2,
                    "items": .object(["type": "integer", "minimum": 1, "maximum": .number(Double(max(1, sentenceCount)))]),
                ]),
            ]),
            "required": .array(["statement", "evidence"]),
            "additionalProperties": .bool(false),
        ])
    }
}
