import Foundation
import LanguageModels

/// What OpenAI's chat completions endpoint refuses in a request's `response_format`, as the loopback
/// servers that stand in for it refuse it: a strict `json_schema` that breaks the Structured Outputs rules
/// (``SchemaRules/openAIStrict``), a `json_schema` without a schema, and JSON mode (`json_object`) when no
/// message mentions JSON.
package enum StrictModeCheck {
    /// The refusal's message (as OpenAI words its 400 `invalid_request_error`), or nil when accepted.
    package static func problem(in body: JSONValue) -> String? {
        guard let format = body["response_format"], format != .null else { return nil }
        switch format["type"]?.stringValue {
        case "text"?:
            return nil
        case "json_object"?:
            let mentionsJSON = (body["messages"]?.arrayValue ?? []).contains { message in
                (message["content"]?.stringValue ?? message["content"]?.canonicalText() ?? "").lowercased().contains("json")
            }
            return mentionsJSON ? nil : "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'."
        case "json_schema"?:
            guard let spec = format["json_schema"], let schema = spec["schema"] else {
                return "Missing required parameter: 'response_format.json_schema.schema'."
            }
            let name = spec["name"]?.stringValue ?? ""
            guard spec["strict"] == .bool(true) else {
                return name.isEmpty ? "Missing required parameter: 'response_format.json_schema.name'." : nil
            }
            let violations = SchemaRules.openAIStrict.violations(of: schema, name: name)
            return violations.isEmpty ? nil : "Invalid schema for response_format '\(name)': " + violations.joined(separator: "; ")
        case let other:
            return "Invalid value: '\(other ?? "null")'. Supported values are: 'text', 'json_object' and 'json_schema'."
        }
    }

    /// OpenAI's 400 body for `message`.
    package static func errorBody(_ message: String) -> String {
        JSONValue.object(["error": .object([
            "message": .string(message), "type": "invalid_request_error", "param": "response_format", "code": .null,
        ])]).canonicalText()
    }
}
