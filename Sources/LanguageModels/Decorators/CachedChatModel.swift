import Synchronization

/// Wraps a model so every answered request is kept in a ``ResponseCache`` and served from it next time.
///
/// This is what makes evaluation runs resumable and free to re-run: a call either finished and is on
/// disk, or it is made again.
public struct CachedChatModel<Base: ChatModel>: ChatModel {
    public let base: Base
    public let cache: ResponseCache
    private let counters = CacheCounters()

    public var modelID: ModelID { base.modelID }

    public init(_ base: Base, cache: ResponseCache) {
        self.base = base
        self.cache = cache
    }

    /// Hits and misses since this instance was made.
    public var statistics: (hits: Int, misses: Int) { counters.snapshot }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        guard let key = ResponseCache.key(model: modelID, request: request) else { return try await base.complete(request) }
        // A hit keeps the latency measured when the call was made: what the answer cost, not the lookup.
        if let cached = cache.response(forKey: key) {
            counters.hit()
            return cached
        }
        counters.miss()
        let response = try await base.complete(request)
        try cache.store(response, forKey: key)
        return response
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
        guard let key = ResponseCache.key(model: modelID, request: request) else { return base.stream(request) }
        if let cached = cache.response(forKey: key) {
            counters.hit()
            return AsyncThrowingStream { continuation in
                continuation.yield(ChatDelta(text: cached.text, finishReason: cached.finishReason, usage: cached.usage))
                continuation.finish()
            }
        }
        counters.miss()
        let upstream = base.stream(request)
        let cache = self.cache
        let model = modelID
        return AsyncThrowingStream { continuation in
            let task = Task {
                let clock = ContinuousClock()
                let start = clock.now
                var text = ""
                var finish: FinishReason?
                var usage = TokenUsage()
                do {
                    for try await delta in upstream {
                        text += delta.text
                        if let reason = delta.finishReason { finish = reason }
                        if let reported = delta.usage { usage = reported }
                        continuation.yield(delta)
                    }
                    let response = ChatResponse(
                        text: text, finishReason: finish, usage: usage, latency: clock.now - start, model: model)
                    try cache.store(response, forKey: key)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

final class CacheCounters: Sendable {
    private let state = Mutex((hits: 0, misses: 0))
    func hit() { state.withLock { $0.hits += 1 } }
    func miss() { state.withLock { $0.misses += 1 } }
    var snapshot: (hits: Int, misses: Int) { state.withLock { $0 } }
}
