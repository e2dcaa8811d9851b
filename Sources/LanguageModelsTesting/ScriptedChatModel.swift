import LanguageModels
import Synchronization

/// A chat model double that answers from a script, for tests where the point is the logic around the
/// model: each call takes the next scripted step (a reply or an error) and every request is recorded.
///
/// ```swift
/// let model = ScriptedChatModel(replies: ["{\"hypotheses\": []}"])
/// ```
public final class ScriptedChatModel: ChatModel {
    /// What one call does.
    public enum Step: Sendable {
        case reply(String)
        /// A reply the token budget stopped (finish reason `length`).
        case cutReply(String)
        case fail(any Error & Sendable)
        /// Computes the reply from the request, for scripts that must look at what was asked.
        case respond(@Sendable (ChatRequest) -> String)
    }

    public let modelID: ModelID
    /// The latency every response reports (no call actually waits).
    public let latency: Duration
    private let state: Mutex<(steps: [Step], requests: [ChatRequest])>
    private let fallback: Step?

    /// - Parameters:
    ///   - steps: consumed in order, one per call.
    ///   - fallback: used once the steps run out; without it an exhausted script fails the call.
    ///   - latency: reported by every response.
    public init(modelID: ModelID = "scripted", steps: [Step], fallback: Step? = nil, latency: Duration = .zero) {
        self.modelID = modelID
        self.latency = latency
        self.state = Mutex((steps, []))
        self.fallback = fallback
    }

    public convenience init(modelID: ModelID = "scripted", replies: [String]) {
        self.init(modelID: modelID, steps: replies.map(Step.reply))
    }

    /// Every request received so far, in order.
    public var requests: [ChatRequest] { state.withLock { $0.requests } }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let step: Step? = state.withLock { state in
            state.requests.append(request)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        guard let step = step ?? fallback else {
            throw ScriptExhausted(calls: requests.count)
        }
        let text: String
        var finishReason = FinishReason.stop
        switch step {
        case .reply(let reply): text = reply
        case .cutReply(let reply): (text, finishReason) = (reply, .length)
        case .fail(let error): throw error
        case .respond(let make): text = make(request)
        }
        let promptWords = request.messages.reduce(0) { $0 + $1.content.split(separator: " ").count }
        return ChatResponse(
            text: text, finishReason: finishReason,
            usage: TokenUsage(promptTokens: promptWords, completionTokens: text.split(separator: " ").count),
            latency: latency, model: modelID)
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
        streamByCompleting(request)
    }
}

/// The script had no step left for a call.
public struct ScriptExhausted: Error, CustomStringConvertible {
    public var calls: Int
    public var description: String { "scripted model: call \(calls) has no scripted step left" }
}
