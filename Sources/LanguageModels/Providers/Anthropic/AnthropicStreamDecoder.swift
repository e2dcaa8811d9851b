/// Turns Anthropic's typed stream events (`message_start`, `content_block_delta`, `message_delta`,
/// `message_stop`, `ping`, `error`) into ``ChatDelta``s.
struct AnthropicStreamDecoder {
    let provider: String
    private(set) var isDone = false
    private var inputTokens = 0
    private var outputTokens = 0
    private var finish: FinishReason?

    init(provider: String) { self.provider = provider }

    mutating func decode(_ event: ServerSentEvent) throws -> ChatDelta? {
        guard let json = try? JSONValue.parse(event.data) else {
            throw LanguageModelError.malformedResponse(
                "stream event `\(event.event)` is not JSON: \(OpenAIWireFormat.excerpt(event.data))",
                provider: provider)
        }
        let type = json["type"]?.stringValue ?? event.event
        switch type {
        case "message_start":
            inputTokens = Int(json["message"]?["usage"]?["input_tokens"]?.doubleValue ?? 0)
            return nil
        case "content_block_delta":
            // Text, or a forced tool's input arriving as `input_json_delta` pieces (the structured answer).
            guard let text = json["delta"]?["text"]?.stringValue ?? json["delta"]?["partial_json"]?.stringValue else { return nil }
            return ChatDelta(text: text)
        case "message_delta":
            finish = AnthropicWireFormat.finishReason(json["delta"]?["stop_reason"]?.stringValue) ?? finish
            if let output = json["usage"]?["output_tokens"]?.doubleValue { outputTokens = Int(output) }
            return nil
        case "message_stop":
            isDone = true
            return ChatDelta(
                text: "", finishReason: finish,
                usage: TokenUsage(promptTokens: inputTokens, completionTokens: outputTokens))
        case "error":
            let kind = json["error"]?["type"]?.stringValue ?? "error"
            let message = json["error"]?["message"]?.stringValue ?? event.data
            throw LanguageModelError(.streamInterrupted("\(kind): \(message)"), provider: provider)
        default:
            return nil  // ping, content_block_start/stop: nothing to emit.
        }
    }
}
