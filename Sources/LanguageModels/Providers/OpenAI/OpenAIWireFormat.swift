import Foundation
import NIOCore

/// Translation between ``ChatRequest``/``ChatResponse`` and the OpenAI chat completions JSON.
enum OpenAIWireFormat {
    static func body(
        for request: ChatRequest, configuration: OpenAICompatibleConfiguration, stream: Bool
    ) throws -> ByteBuffer {
        var object: [String: JSONValue] = [
            "model": .string(configuration.model.rawValue),
            "messages": .array(request.messages.map { message in
                .object(["role": .string(message.role.rawValue), "content": .string(message.content)])
            }),
        ]
        if let value = request.temperature { object["temperature"] = .number(value) }
        if let value = request.maxTokens { object["max_tokens"] = .number(Double(value)) }
        if let value = request.topP { object["top_p"] = .number(value) }
        if let value = request.seed { object["seed"] = .number(Double(value)) }
        if let value = request.frequencyPenalty { object["frequency_penalty"] = .number(value) }
        if let value = request.presencePenalty { object["presence_penalty"] = .number(value) }
        if !request.stop.isEmpty { object["stop"] = .array(request.stop.map(JSONValue.string)) }
        if stream {
            object["stream"] = .bool(true)
            object["stream_options"] = .object(["include_usage": .bool(true)])
        }
        switch (request.responseFormat, configuration.structuredOutput) {
        case (.text, _):
            break
        case (.jsonObject, .ollama):
            object["format"] = "json"
        case (.jsonObject, _):
            object["response_format"] = .object(["type": "json_object"])
        case (.jsonSchema(_, let schema), .ollama):
            object["format"] = schema
        case (.jsonSchema(let name, let schema), .responseFormat):
            // Strict only where OpenAI's strict rules accept the schema: a non-conforming one would be a
            // 400 that no retry fixes. The project's own schemas all conform (tested).
            let strict = SchemaRules.openAIStrict.violations(of: schema, name: name).isEmpty
            object["response_format"] = .object([
                "type": "json_schema",
                "json_schema": .object(["name": .string(name), "schema": schema, "strict": .bool(strict)]),
            ])
        case (.jsonSchema(let name, let schema), .llamaCpp):
            // llama.cpp reads the top-level `json_schema` into its grammar; `strict` means nothing to it.
            object["response_format"] = .object([
                "type": "json_schema", "json_schema": .object(["name": .string(name), "schema": schema]),
            ])
            object["json_schema"] = schema
        }
        return ByteBuffer(string: JSONValue.object(object).canonicalText())
    }

    /// The fields of a chat completion this library reads; decoding only these is several times faster
    /// than building a generic JSON tree.
    struct Completion: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message?
            var finish_reason: String?
        }
        struct Usage: Decodable {
            var prompt_tokens: Int?
            var completion_tokens: Int?
        }
        var model: String?
        var choices: [Choice]?
        var usage: Usage?
    }

    static func response(from buffer: ByteBuffer, model: ModelID, latency: Duration, provider: String) throws
        -> ChatResponse
    {
        let completion: Completion
        do {
            completion = try JSONDecoder().decode(Completion.self, from: Data(buffer.readableBytesView))
        } catch {
            throw LanguageModelError.malformedResponse(
                "body is not a chat completion: \(excerpt(String(buffer: buffer)))", provider: provider)
        }
        guard let choice = completion.choices?.first else {
            throw LanguageModelError.malformedResponse(
                "no `choices` in \(excerpt(String(buffer: buffer)))", provider: provider)
        }
        guard let message = choice.message else {
            throw LanguageModelError.malformedResponse("choice has no `message`", provider: provider)
        }
        return ChatResponse(
            text: message.content ?? "",
            finishReason: choice.finish_reason.map(FinishReason.init(rawValue:)),
            usage: TokenUsage(
                promptTokens: completion.usage?.prompt_tokens ?? 0,
                completionTokens: completion.usage?.completion_tokens ?? 0),
            latency: latency,
            model: completion.model.map(ModelID.init(rawValue:)) ?? model)
    }

    static func usage(from json: JSONValue?) -> TokenUsage? {
        guard let json, json.objectValue != nil else { return nil }
        return TokenUsage(
            promptTokens: Int(json["prompt_tokens"]?.doubleValue ?? 0),
            completionTokens: Int(json["completion_tokens"]?.doubleValue ?? 0))
    }

    static func excerpt(_ text: String) -> String {
        text.count > 200 ? "'\(text.prefix(200))…'" : "'\(text)'"
    }
}
