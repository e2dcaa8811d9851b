import LanguageModels

/// One key's allowance, as a pure state machine: `rate` tokens flow in per second up to `capacity`,
/// each request takes one. Kept free of locks and clocks so it is tested on its own.
struct TokenBucket: Sendable, Hashable {
    let rate: Double
    let capacity: Double
    private(set) var tokens: Double
    private(set) var updated: ContinuousClock.Instant

    init(rate: Double, capacity: Int, now: ContinuousClock.Instant) {
        self.rate = rate
        self.capacity = Double(capacity)
        self.tokens = Double(capacity)
        self.updated = now
    }

    enum Decision: Sendable, Hashable {
        case allow
        /// Refused; a token will be there after this many seconds.
        case deny(retryAfter: Double)
    }

    /// Whether the bucket would be full at `now` (an idle key: forgetting it loses nothing).
    func isFull(now: ContinuousClock.Instant) -> Bool {
        tokens + max(0, (now - updated).seconds) * rate >= capacity
    }

    mutating func take(now: ContinuousClock.Instant) -> Decision {
        let elapsed = now - updated
        let seconds = elapsed.seconds
        tokens = min(capacity, tokens + max(0, seconds) * rate)
        updated = now
        if tokens >= 1 {
            tokens -= 1
            return .allow
        }
        return .deny(retryAfter: (1 - tokens) / rate)
    }
}
