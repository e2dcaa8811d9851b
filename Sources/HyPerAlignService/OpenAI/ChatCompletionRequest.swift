import LanguageModels

/// An OpenAI `POST /v1/chat/completions` body, as SDKs send it: content as a string or as text parts,
/// `stop` as a string or a list, `max_tokens` or `max_completion_tokens`, `developer` as a system role.
struct ChatCompletionRequest: Decodable, Sendable {
    var model: String?
    var messages: [Message]
    var stream: Bool?
    var streamOptions: StreamOptions?
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var seed: Int?
    var stop: Stop?
    var frequencyPenalty: Double?
    var presencePenalty: Double?
    var n: Int?
    var user: String?
    var responseFormat: ResponseFormatBody?
    var tools: JSONValue?

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, temperature, seed, stop, n, user, tools
        case streamOptions = "stream_options", topP = "top_p", maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens", frequencyPenalty = "frequency_penalty"
        case presencePenalty = "presence_penalty", responseFormat = "response_format"
    }

    struct StreamOptions: Decodable, Sendable {
        var includeUsage: Bool?
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    struct Message: Decodable, Sendable {
        var role: String
        var content: Content?
    }

    /// A message's content: a string, or a list of parts of which the text parts are kept.
    struct Content: Decodable, Sendable {
        var text: String
        var hasNonTextParts: Bool

        struct Part: Decodable, Sendable {
            var type: String
            var text: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
                self.hasNonTextParts = false
            } else {
                let parts = try container.decode([Part].self)
                self.text = parts.compactMap { $0.type == "text" ? $0.text : nil }.joined(separator: "\n")
                self.hasNonTextParts = parts.contains { $0.type != "text" }
            }
        }
    }

    /// `stop`: one string or several.
    struct Stop: Decodable, Sendable {
        var values: [String]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }
    }

    struct ResponseFormatBody: Decodable, Sendable {
        var type: String
        var jsonSchema: JSONSchemaBody?
        enum CodingKeys: String, CodingKey { case type, jsonSchema = "json_schema" }

        struct JSONSchemaBody: Decodable, Sendable {
            var name: String?
            var schema: JSONValue?
        }
    }

    var wantsUsageInStream: Bool { streamOptions?.includeUsage ?? false }

    /// The provider-neutral request, or a 400 naming the unsupported part.
    func chatRequest() throws -> ChatRequest {
        guard !messages.isEmpty else { throw ServiceError.badRequest("'messages' must not be empty", param: "messages") }
        if tools != nil { throw ServiceError.badRequest("tools are not supported by this service", param: "tools") }
        if let n, n != 1 { throw ServiceError.badRequest("only n=1 is supported", param: "n") }
        let converted = try messages.enumerated().map { index, message in
            let role: ChatMessage.Role
            switch message.role {
            case "system", "developer": role = .system
            case "user": role = .user
            case "assistant": role = .assistant
            default:
                throw ServiceError.badRequest(
                    "messages[\(index)]: role '\(message.role)' is not supported (system, developer, user, assistant)",
                    param: "messages[\(index)].role")
            }
            if message.content?.hasNonTextParts == true {
                throw ServiceError.badRequest("messages[\(index)]: only text content is supported", param: "messages[\(index)].content")
            }
            return ChatMessage(role: role, content: message.content?.text ?? "")
        }
        var format = ResponseFormat.text
        switch responseFormat?.type {
        case nil, "text": break
        case "json_object": format = .jsonObject
        case "json_schema":
            guard let schema = responseFormat?.jsonSchema?.schema else {
                throw ServiceError.badRequest("response_format json_schema needs a 'schema'", param: "response_format")
            }
            format = .jsonSchema(name: responseFormat?.jsonSchema?.name ?? "response", schema: schema)
        case let other?:
            throw ServiceError.badRequest("response_format '\(other)' is not supported", param: "response_format")
        }
        return ChatRequest(
            messages: converted, temperature: temperature, maxTokens: maxCompletionTokens ?? maxTokens, topP: topP,
            seed: seed, stop: stop?.values ?? [], frequencyPenalty: frequencyPenalty, presencePenalty: presencePenalty,
            responseFormat: format)
    }
}
