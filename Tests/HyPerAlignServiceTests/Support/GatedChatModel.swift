@testable import HyPerAlignService
import LanguageModels
import Synchronization

/// A chat model whose every answer waits for ``open()``: a job that is running for exactly as long as a
/// test needs, without sleeping. Counts the calls that started.
final class GatedChatModel: ChatModel {
    let modelID: ModelID = "gated"
    let reply: String
    private let gate = Latch()
    private let startedCalls = Mutex(0)

    init(reply: String) { self.reply = reply }

    var started: Int { startedCalls.withLock { $0 } }

    /// Lets every waiting and future call answer.
    func open() { gate.open() }

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        startedCalls.withLock { $0 += 1 }
        await gate.wait()
        try Task.checkCancellation()
        return ChatResponse(
            text: reply, finishReason: .stop, usage: TokenUsage(promptTokens: 1, completionTokens: 1), latency: .zero,
            model: modelID)
    }

    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> { streamByCompleting(request) }

    /// Waits (polling, bounded) until at least `count` calls started.
    func waitUntilStarted(_ count: Int = 1) async throws {
        for _ in 0..<400 where started < count { try await Task.sleep(for: .milliseconds(25)) }
        guard started >= count else { throw ServiceHarness.HarnessError(message: "the model was never called") }
    }
}
