import Foundation

/// Turns OpenAI `chat.completion.chunk` events into ``ChatDelta``s; an undecodable event is an error,
/// never silently dropped.
struct OpenAIStreamDecoder {
    let provider: String
    private(set) var isDone = false
    private var pendingFinish: FinishReason?
    private var usage: TokenUsage?

    init(provider: String) { self.provider = provider }

    mutating func decode(_ event: ServerSentEvent) throws -> [ChatDelta] {
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" {
            isDone = true
            return []
        }
        guard let json = try? JSONValue.parse(data) else {
            throw LanguageModelError.malformedResponse(
                "stream event is not JSON: \(OpenAIWireFormat.excerpt(data))", provider: provider)
        }
        if let error = json["error"] {
            let message = error["message"]?.stringValue ?? error.canonicalText()
            throw LanguageModelError(.streamInterrupted(message), provider: provider)
        }
        if let reported = OpenAIWireFormat.usage(from: json["usage"]) { usage = reported }
        var deltas: [ChatDelta] = []
        for choice in json["choices"]?.arrayValue ?? [] {
            let text = choice["delta"]?["content"]?.stringValue ?? ""
            if let reason = choice["finish_reason"]?.stringValue { pendingFinish = FinishReason(rawValue: reason) }
            if !text.isEmpty { deltas.append(ChatDelta(text: text)) }
        }
        return deltas
    }

    /// The closing delta with the finish reason and usage, once the stream has ended.
    mutating func finish() -> ChatDelta? {
        guard pendingFinish != nil || usage != nil else { return nil }
        return ChatDelta(text: "", finishReason: pendingFinish, usage: usage)
    }
}
