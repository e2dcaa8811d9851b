/// At most `limit` operations at once, first come first served; a cancelled waiter leaves the queue.
///
/// One limiter per provider keeps a local server's slots or a hosted API's rate limit from being swamped
/// however many tasks the caller starts.
public actor ConcurrencyLimiter {
    public nonisolated let limit: Int
    private var inUse = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiterID: UInt64 = 0

    public init(limit: Int) {
        precondition(limit >= 1, "limit must be at least 1")
        self.limit = limit
    }

    /// Runs `body` once a permit is free, and frees it afterwards, also on error or cancellation.
    public nonisolated func withPermit<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async throws {
        try Task.checkCancellation()
        if inUse < limit {
            inUse += 1
            return
        }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
    }

    private func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            // Hand the permit straight to the next waiter; `inUse` stays the same.
            let next = waiters.removeFirst()
            next.continuation.resume()
        }
    }

    /// Operations running now, for metrics and tests.
    public var active: Int { inUse }

    /// Operations waiting for a permit.
    public var queued: Int { waiters.count }
}
