import Foundation
import HyPerAlignTesting
import LanguageModels
import Testing

/// The strict-mode rules, and a wire test whose server refuses (HTTP 400, like OpenAI) what OpenAI refuses.
struct StrictSchemaRulesTests {
    static let closed: JSONValue = [
        "type": "object",
        "properties": ["answer": ["type": "string", "enum": ["A", "B"]], "note": ["type": ["string", "null"]]],
        "required": ["answer", "note"], "additionalProperties": false,
    ]

    @Test func acceptsAClosedObjectWithNullableOptionals() {
        #expect(SchemaRules.openAIStrict.violations(of: Self.closed, name: "verdict").isEmpty)
    }

    @Test func refusesWhatOpenAIRefuses() {
        func problems(_ schema: JSONValue, name: String = "x") -> [String] { SchemaRules.openAIStrict.violations(of: schema, name: name) }
        // No additionalProperties: false (also nested).
        #expect(problems(["type": "object", "properties": ["a": ["type": "string"]], "required": ["a"]]).contains { $0.contains("additionalProperties") })
        let nested: JSONValue = ["type": "object", "additionalProperties": false, "required": ["o"],
                                 "properties": ["o": ["type": "object", "properties": [:], "required": []]]]
        #expect(problems(nested).contains { $0.hasPrefix("$.properties.o") })
        // A property missing from required.
        #expect(problems(["type": "object", "properties": ["a": ["type": "string"]], "required": [], "additionalProperties": false])
            .contains { $0.contains("'a' must be listed in 'required'") })
        // Unsupported keywords.
        for keyword in ["minLength", "maxLength", "default", "uniqueItems"] {
            let schema: JSONValue = ["type": "object", "additionalProperties": false, "required": ["a"],
                                     "properties": ["a": ["type": "string", .init(stringLiteral: keyword): 3]]]
            #expect(problems(schema).contains { $0.contains("'\(keyword)' is not permitted") }, "\(keyword)")
        }
        #expect(problems(["type": "object", "additionalProperties": false, "required": ["a"],
                          "properties": ["a": ["type": "array", "prefixItems": [["type": "string"]]]]]).contains { $0.contains("prefixItems") })
        // The root: an object, never anyOf.
        #expect(!problems(["type": "array", "items": ["type": "string"]]).isEmpty)
        #expect(problems(["anyOf": [Self.closed]]).contains { $0.contains("anyOf") })
        // The name.
        #expect(!problems(Self.closed, name: "has space").isEmpty)
        // Supported keywords pass: pattern, minimum, minItems.
        #expect(problems(["type": "object", "additionalProperties": false, "required": ["a", "n", "l"], "properties": [
            "a": ["type": "string", "pattern": "^x$"], "n": ["type": "integer", "minimum": 1, "maximum": 3],
            "l": ["type": "array", "items": ["type": "integer"], "minItems": 1, "maxItems": 3],
        ]]).isEmpty)
        // Limits: more than 10 levels of nesting.
        var deep: JSONValue = ["type": "object", "properties": [:], "required": [], "additionalProperties": false]
        for _ in 0..<10 { deep = ["type": "object", "properties": ["d": deep], "required": ["d"], "additionalProperties": false] }
        #expect(problems(deep).contains { $0.contains("10 levels") })
    }

    @Test func llamaCppNeedsAnchoredPatterns() {
        let schema: JSONValue = ["type": "object", "properties": ["a": ["type": "string", "pattern": "x+"]]]
        #expect(SchemaRules.llamaCpp.violations(of: schema).contains { $0.contains("'^'") })
    }

    /// Against a server that answers like OpenAI in strict mode: a conforming schema is sent strict and
    /// accepted; a non-conforming one is sent without `strict` (a strict one would be a 400 no retry fixes);
    /// JSON mode is sent as `json_object`.
    @Test func theWireFormatNeverSendsARequestStrictModeRefuses() async throws {
        try await WireTestServer.withServer { request, _ in
            guard let body = try? JSONValue.parse(request.body) else { return OpenAIWire.error(400, message: "bad JSON") }
            if let problem = StrictModeCheck.problem(in: body) { return .json(StrictModeCheck.errorBody(problem), status: 400) }
            return OpenAIWire.completion(#"{"answer": "A", "note": null}"#)
        } body: { server in
            let model = OpenAICompatibleModel(configuration: OpenAICompatibleConfiguration(
                baseURL: server.baseURL + "/v1", model: "gpt-test", retry: RetryPolicy(maxAttempts: 1)))
            _ = try await model.complete(ChatRequest(messages: [.user("Answer in JSON.")], responseFormat: .jsonSchema(name: "verdict", schema: Self.closed)))
            let open: JSONValue = ["type": "object", "properties": ["a": ["type": "string", "maxLength": 5]]]
            _ = try await model.complete(ChatRequest(messages: [.user("Answer in JSON.")], responseFormat: .jsonSchema(name: "loose", schema: open)))
            _ = try await model.complete(ChatRequest(messages: [.user("Answer in JSON.")], responseFormat: .jsonObject))
            let formats = server.requests.compactMap { $0.json?["response_format"] as? [String: Any] }
            #expect((formats[0]["json_schema"] as? [String: Any])?["strict"] as? Bool == true)
            #expect((formats[1]["json_schema"] as? [String: Any])?["strict"] as? Bool == false)
            #expect(formats[2]["type"] as? String == "json_object" && formats[2]["json_schema"] == nil)
        }
    }

    /// The strict server's check refuses a strict schema that breaks the rules, and JSON mode without "json".
    @Test func theStrictServersCheckRefusesWhatOpenAIRefuses() throws {
        let broken = try JSONValue.parse(#"{"model": "m", "messages": [{"role": "user", "content": "json"}], "response_format": {"type": "json_schema", "json_schema": {"name": "x", "strict": true, "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}}"#)
        #expect(StrictModeCheck.problem(in: broken)?.contains("additionalProperties") == true)
        let jsonMode = try JSONValue.parse(#"{"model": "m", "messages": [{"role": "user", "content": "hi"}], "response_format": {"type": "json_object"}}"#)
        #expect(StrictModeCheck.problem(in: jsonMode) != nil)
        let fine = try JSONValue.parse(#"{"model": "m", "messages": [{"role": "user", "content": "Answer in JSON"}], "response_format": {"type": "json_object"}}"#)
        #expect(StrictModeCheck.problem(in: fine) == nil)
        #expect(StrictModeCheck.errorBody("x").contains("invalid_request_error"))
    }
}
