/// How often an optimistic hypothesis update is retried after a revision conflict, and how long it waits
/// between tries.
///
/// One policy serves the CLI, the service's routes and its inference jobs: concurrent editors of one
/// user (possibly on other replicas of the service) stop colliding once their retries are jittered apart.
public struct HypothesisUpdateRetry: Sendable, Hashable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The longest wait, in milliseconds, before a retry; the wait grows with the attempt up to it.
    public var maxBackoffMilliseconds: Int

    /// A policy; `attempts` is at least 1.
    public init(attempts: Int, maxBackoffMilliseconds: Int) {
        self.attempts = max(1, attempts)
        self.maxBackoffMilliseconds = max(0, maxBackoffMilliseconds)
    }

    /// Forty tries, waiting a random 1…10·attempt ms (at most 100 ms) between them.
    public static let standard = HypothesisUpdateRetry(attempts: 40, maxBackoffMilliseconds: 100)

    /// The wait before try number `attempt` (0-based): none before the first, then jittered.
    func backoff(before attempt: Int) -> Duration {
        guard attempt > 0, maxBackoffMilliseconds > 0 else { return .zero }
        return .milliseconds(Int.random(in: 1...max(1, min(10 * attempt, maxBackoffMilliseconds))))
    }
}
