/// The one protocol every chat backend implements: messages in, a response out.
///
/// Streaming is not `async`: errors arrive through the stream, one channel, and cancelling the consuming
/// task (or dropping the stream) cancels the upstream request.
public protocol ChatModel: Sendable {
    /// The model this instance talks to; part of every cache key.
    var modelID: ModelID { get }

    /// Runs the request to completion.
    func complete(_ request: ChatRequest) async throws -> ChatResponse

    /// Streams the answer as text deltas; the final delta carries the finish reason.
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error>
}

extension ChatModel {
    /// A stream made from one `complete` call, for backends (and decorators) without native streaming.
    public func streamByCompleting(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await complete(request)
                    continuation.yield(
                        ChatDelta(text: response.text, finishReason: response.finishReason, usage: response.usage))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

extension AsyncThrowingStream where Element == ChatDelta {
    /// Collects a stream into the text, finish reason and usage it carried.
    public func collect() async throws -> (text: String, finishReason: FinishReason?, usage: TokenUsage?) {
        var text = ""
        var finish: FinishReason?
        var usage: TokenUsage?
        for try await delta in self {
            text += delta.text
            if let reason = delta.finishReason { finish = reason }
            if let reported = delta.usage { usage = reported }
        }
        return (text, finish, usage)
    }
}
