import LanguageModels

/// The JSON schema of an inference answer. Sent as a grammar constraint where the backend has one, which
/// is what makes a 135M-parameter model answer in parseable JSON at all; the bounds keep it from rambling.
enum InferenceSchema {
    /// - Parameter evidenceChoices: when given, each evidence quote must be one of these passages.
    static func schema(count: Int, evidenceChoices: [String]? = nil, strictShapes: Bool = false) -> JSONValue {
        // Length caps only for llama.cpp's grammar (small models ramble); OpenAI's strict mode refuses maxLength.
        let string: (Int) -> JSONValue = { strictShapes ? .object(["type": "string", "maxLength": .number(Double($0))]) : ["type": "string"] }
        let quote: JSONValue = evidenceChoices.map { choices in
            .object(["type": "string", "enum": .array(choices.map(JSONValue.string))])
        } ?? string(200)
        let hypothesis: JSONValue = .object([
            "type": "object",
            "properties": .object([
                "category": .object(["type": "string", "enum": .array(Hypothesis.Category.allCases.map { .string($0.rawValue) })]),
                "statement": strictShapes
                    ? .object(["type": "string", "pattern": #"^(The person|They) [a-z][^"\\]{20,140}[.]$"#])
                    : string(300),
                // The prompt asks for 1–3 quotes; the small-model grammar keeps 2 (each is a long enum).
                "evidence": .object(["type": "array", "items": quote, "minItems": 1, "maxItems": evidenceChoices == nil ? 3 : 2]),
                // Optional, so nullable: strict mode wants every property required.
                "confidence": .object(["type": .array(["number", "null"])]),
            ]),
            "required": .array(["category", "statement", "evidence", "confidence"]),
            "additionalProperties": .bool(false),
        ])
        let attributes: JSONValue = .object([
            "type": "object",
            "properties": .object([
                "typical_length_words": .object(["type": "integer"]),
                "register": strictShapes
                    ? .object(["type": "string", "enum": ["formal", "semi-formal", "informal", "casual"]]) : string(80),
                "domain": string(80), "audience": string(80),
                "language": strictShapes ? .object(["type": "string", "pattern": "^[A-Z][a-z]{3,15}$"]) : string(40),
                "formatting_habits": .object(["type": "array", "items": string(120), "maxItems": 4]),
            ]),
            "required": .array(["typical_length_words", "register", "domain", "audience", "language", "formatting_habits"]),
            "additionalProperties": .bool(false),
        ])
        return .object([
            "type": "object",
            "properties": .object([
                "hypotheses": .object([
                    "type": "array", "items": hypothesis,
                    "minItems": .number(Double(strictShapes ? min(count, 4) : 1)), "maxItems": .number(Double(count)),
                ]),
                "attributes": attributes,
            ]),
            "required": .array(["hypotheses", "attributes"]),
            "additionalProperties": .bool(false),
        ])
    }
}
