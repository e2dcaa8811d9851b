import Foundation
import NIOCore

/// Translation between ``ChatRequest``/``ChatResponse`` and the Anthropic Messages JSON.
enum AnthropicWireFormat {
    struct Body {
        var object: [String: JSONValue]

        init(request: ChatRequest, configuration: AnthropicConfiguration, stream: Bool) {
            var systemParts = request.messages.filter { $0.role == .system }.map(\.content)
            var turns: [(role: String, text: String)] = []
            for message in request.messages where message.role != .system {
                let role = message.role == .assistant ? "assistant" : "user"
                if let last = turns.last, last.role == role {
                    turns[turns.count - 1].text += "\n\n" + message.content
                } else {
                    turns.append((role, message.content))
                }
            }
            if turns.first?.role != "user" { turns.insert(("user", "(continue)"), at: 0) }
            // A schema becomes a forced tool whose `input_schema` it is: the Messages API's own constraint,
            // accepted by every Claude model (an assistant `{` prefill is refused with a 400 from Opus 4.6 on).
            // The tool's input is the answer (see ``response(from:model:latency:provider:)``).
            var tool: (name: String, schema: JSONValue)?
            switch request.responseFormat {
            case .text: break
            case .jsonObject: systemParts.append("Answer with one JSON object only, no prose.")
            case .jsonSchema(let name, let schema): tool = (name, schema)
            }
            object = [
                "model": .string(configuration.model.rawValue),
                "max_tokens": .number(Double(request.maxTokens ?? configuration.defaultMaxTokens)),
                "messages": .array(turns.map { .object(["role": .string($0.role), "content": .string($0.text)]) }),
            ]
            if !systemParts.isEmpty { object["system"] = .string(systemParts.joined(separator: "\n\n")) }
            if let value = request.temperature { object["temperature"] = .number(min(value, 1)) }
            if let value = request.topP { object["top_p"] = .number(value) }
            if !request.stop.isEmpty { object["stop_sequences"] = .array(request.stop.map(JSONValue.string)) }
            if stream { object["stream"] = .bool(true) }
            if let tool {
                object["tools"] = .array([.object([
                    "name": .string(tool.name), "description": "Give the answer as this tool's input.", "input_schema": tool.schema,
                ])])
                object["tool_choice"] = .object(["type": "tool", "name": .string(tool.name)])
            }
        }

        func encoded() -> ByteBuffer { ByteBuffer(string: JSONValue.object(object).canonicalText()) }
    }

    static func finishReason(_ stopReason: String?) -> FinishReason? {
        switch stopReason {
        case nil: nil
        case "end_turn", "stop_sequence": .stop
        case "max_tokens": .length
        case "refusal": .contentFilter
        case let other?: FinishReason(rawValue: other)
        }
    }

    static func response(from buffer: ByteBuffer, model: ModelID, latency: Duration, provider: String) throws
        -> ChatResponse
    {
        let text = String(buffer: buffer)
        guard let json = try? JSONValue.parse(text) else {
            throw LanguageModelError.malformedResponse(
                "body is not JSON: \(OpenAIWireFormat.excerpt(text))", provider: provider)
        }
        guard let blocks = json["content"]?.arrayValue else {
            throw LanguageModelError.malformedResponse(
                "no `content` array in \(OpenAIWireFormat.excerpt(text))", provider: provider)
        }
        // A forced tool's input is the structured answer; otherwise the text blocks are.
        let toolInput = blocks.first { $0["type"]?.stringValue == "tool_use" }?["input"]
        let content = toolInput.map { $0.canonicalText() }
            ?? blocks.compactMap { $0["type"]?.stringValue == "text" ? $0["text"]?.stringValue : nil }.joined()
        let usage = json["usage"]
        return ChatResponse(
            text: content,
            finishReason: finishReason(json["stop_reason"]?.stringValue),
            usage: TokenUsage(
                promptTokens: Int(usage?["input_tokens"]?.doubleValue ?? 0),
                completionTokens: Int(usage?["output_tokens"]?.doubleValue ?? 0)),
            latency: latency,
            model: json["model"]?.stringValue.map(ModelID.init(rawValue:)) ?? model)
    }
}
