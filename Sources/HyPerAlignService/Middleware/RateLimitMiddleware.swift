import Hummingbird
import Synchronization

/// Limits each API key to a sustained rate with a burst (a ``TokenBucket`` per key hash), answering
/// 429 `rate_limit_exceeded` with `Retry-After` beyond it. Runs after ``APIKeyMiddleware``.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let limit: ServiceConfiguration.RateLimit
    let buckets = Buckets()

    /// The lock-protected buckets of all keys, shared by every request.
    final class Buckets: Sendable {
        let storage = Mutex([String: TokenBucket]())

        func withLock<T>(_ body: (inout [String: TokenBucket]) -> T) -> T { storage.withLock { body(&$0) } }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard limit.requestsPerSecond.isFinite, let key = context.keyHash else { return try await next(request, context) }
        let now = ContinuousClock.now
        let decision = buckets.withLock { buckets in
            buckets[key, default: TokenBucket(rate: limit.requestsPerSecond, capacity: limit.burst, now: now)].take(now: now)
        }
        if case .deny(let retryAfter) = decision {
            throw ServiceError.rateLimited(retryAfterSeconds: max(1, Int(retryAfter.rounded(.up))))
        }
        return try await next(request, context)
    }
}
