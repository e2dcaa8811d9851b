/// A request budget shared by every process on the store: a token bucket per name (e.g. a tenant) whose
/// every take is one atomic update, so N replicas together allow what one would.
///
/// Only stores that several processes share implement it (PostgreSQL); with SQLite the service limits
/// per process.
public protocol RateLimitStore: Sendable {
    /// Takes one request from `bucket`: `rate` tokens flow in per second up to `burst`.
    func takeRateLimitToken(bucket: String, rate: Double, burst: Int) async throws -> RateLimitDecision
}

/// Whether a request fits its budget.
public enum RateLimitDecision: Sendable, Hashable {
    case allowed
    /// Over budget; a token will be there after this many seconds.
    case denied(retryAfterSeconds: Double)
}
