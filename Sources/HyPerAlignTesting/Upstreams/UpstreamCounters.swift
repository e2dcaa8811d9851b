import Synchronization

/// Requests seen and faults injected by a ``ChatUpstreamServer``, shared by all its connections.
package final class UpstreamCounters: Sendable {
    private let state = Mutex((requests: 0, faults: 0))

    init() {}

    /// Counts a request and returns its number (1-based).
    func next() -> Int {
        state.withLock { state in
            state.requests += 1
            return state.requests
        }
    }

    /// Counts an injected fault.
    func fault() { state.withLock { $0.faults += 1 } }

    /// Requests and faults so far.
    package var snapshot: (requests: Int, faults: Int) { state.withLock { $0 } }
}
