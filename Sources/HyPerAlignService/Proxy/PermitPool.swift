import Synchronization

/// At most `limit` holders at once; beyond that, callers wait first come first served and a cancelled
/// waiter leaves the queue. Taking a free permit is one short lock, no actor hop, so the proxy's hot path
/// never queues behind other requests while permits are free.
///
/// A ``Permit`` is released by ``Permit/release()`` or, at the latest, when it is deallocated — so a
/// streamed response that keeps its permit in the body writer returns it however the stream ends.
final class PermitPool: Sendable {
    let limit: Int
    private let state: Mutex<State>

    private struct State {
        var inUse = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    init(limit: Int) {
        precondition(limit >= 1, "limit must be at least 1")
        self.limit = limit
        self.state = Mutex(State())
    }

    /// Held permits and waiting callers, for tests and metrics.
    var usage: (inUse: Int, waiting: Int) { state.withLock { ($0.inUse, $0.waiters.count) } }

    /// A permit, once one is free.
    func acquire() async throws -> Permit {
        try Task.checkCancellation()
        let id: UInt64? = state.withLock { state in
            if state.inUse < limit {
                state.inUse += 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        if let id {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    // Decided again under the lock: a permit may have come free since the first look.
                    let outcome: Result<Void, CancellationError>? = state.withLock { state in
                        if Task.isCancelled { return .failure(CancellationError()) }
                        if state.inUse < limit {
                            state.inUse += 1
                            return .success(())
                        }
                        state.waiters.append((id, continuation))
                        return nil
                    }
                    if let outcome { continuation.resume(with: outcome.mapError { $0 as any Error }) }
                }
            } onCancel: {
                let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index).continuation
                }
                waiter?.resume(throwing: CancellationError())
            }
        }
        return Permit(pool: self)
    }

    fileprivate func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.waiters.isEmpty {
                state.inUse -= 1
                return nil
            }
            return state.waiters.removeFirst().continuation  // handed over; `inUse` stays
        }
        next?.resume()
    }

    /// One holder's right to proceed.
    final class Permit: Sendable {
        private let pool: PermitPool
        private let released = Atomic(false)

        fileprivate init(pool: PermitPool) { self.pool = pool }

        /// Returns the permit (once; later calls do nothing).
        func release() {
            if !released.exchange(true, ordering: .acquiringAndReleasing) { pool.release() }
        }

        deinit { release() }
    }
}
