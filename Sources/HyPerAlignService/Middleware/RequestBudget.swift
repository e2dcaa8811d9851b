import ProfileStorage
import Synchronization

/// Where request budgets are kept: in this process (``local(_:)``) or in a store every replica shares
/// (``shared(_:)``). Budgets are named (`tenant:acme`, `address:10.0.0.7`) and refill at ``rate`` per
/// second up to ``burst``.
struct RequestBudget: Sendable {
    let limit: ServiceConfiguration.RateLimit
    private let keeper: Keeper

    private enum Keeper: Sendable {
        case local(LocalBuckets)
        case shared(any RateLimitStore)
    }

    /// Budgets in this process's memory.
    static func local(_ limit: ServiceConfiguration.RateLimit) -> RequestBudget {
        RequestBudget(limit: limit, keeper: .local(LocalBuckets()))
    }

    /// Budgets in `store`, shared by every process on it.
    static func shared(_ limit: ServiceConfiguration.RateLimit, store: any RateLimitStore) -> RequestBudget {
        RequestBudget(limit: limit, keeper: .shared(store))
    }

    /// False for an unlimited budget, which never needs asking.
    var isLimited: Bool { limit.requestsPerSecond.isFinite }

    /// Takes one request from the budget called `name`.
    func take(_ name: String) async throws -> RateLimitDecision {
        guard isLimited else { return .allowed }
        switch keeper {
        case .local(let buckets):
            return buckets.take(name, limit: limit, now: .now)
        case .shared(let store):
            return try await store.takeRateLimitToken(bucket: name, rate: limit.requestsPerSecond, burst: limit.burst)
        }
    }

    /// Token buckets behind a lock; idle full buckets are dropped when there get to be many.
    final class LocalBuckets: Sendable {
        static let sweepThreshold = 50_000
        private let buckets = Mutex([String: TokenBucket]())

        func take(_ name: String, limit: ServiceConfiguration.RateLimit, now: ContinuousClock.Instant) -> RateLimitDecision {
            let decision = buckets.withLock { buckets in
                if buckets.count >= Self.sweepThreshold, buckets[name] == nil {
                    buckets = buckets.filter { !$0.value.isFull(now: now) }
                }
                return buckets[name, default: TokenBucket(rate: limit.requestsPerSecond, capacity: limit.burst, now: now)]
                    .take(now: now)
            }
            switch decision {
            case .allow: return .allowed
            case .deny(let retryAfter): return .denied(retryAfterSeconds: retryAfter)
            }
        }
    }
}
