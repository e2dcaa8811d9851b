import ProfileStorage
import Synchronization

/// What recent key lookups found, each remembered for a short lifetime: a key's tenant, or that the key is
/// unknown or revoked. A hot key costs one hash per request instead of a query, a flood of one bad key one
/// query per lifetime, and a revocation reaches every replica within the lifetime.
final class APIKeyCache: Sendable {
    enum Entry: Sendable, Hashable {
        case tenant(TenantID)
        case unknown
        case revoked
    }

    let lifetime: Duration
    /// The most unknown or revoked hashes kept (a flood of random keys must not grow memory without bound).
    let negativeLimit: Int
    /// The most known hashes kept.
    let positiveLimit: Int
    private let state = Mutex(State())

    struct State {
        var positive: [String: (tenant: TenantID, expires: ContinuousClock.Instant)] = [:]
        var negative: [String: (entry: Entry, expires: ContinuousClock.Instant)] = [:]
    }

    init(lifetime: Duration, negativeLimit: Int, positiveLimit: Int = 10_000) {
        self.lifetime = lifetime
        self.negativeLimit = max(1, negativeLimit)
        self.positiveLimit = max(1, positiveLimit)
    }

    /// The remembered outcome for `hash`, or nil when it must be looked up.
    func entry(for hash: String, now: ContinuousClock.Instant = .now) -> Entry? {
        state.withLock { state in
            if let known = state.positive[hash], known.expires > now { return .tenant(known.tenant) }
            if let bad = state.negative[hash], bad.expires > now { return bad.entry }
            return nil
        }
    }

    func remember(_ entry: Entry, for hash: String, now: ContinuousClock.Instant = .now) {
        let expires = now + lifetime
        state.withLock { state in
            switch entry {
            case .tenant(let tenant):
                state.negative[hash] = nil
                if state.positive.count >= positiveLimit { Self.evict(&state.positive, now: now) { $0.expires } }
                state.positive[hash] = (tenant, expires)
            case .unknown, .revoked:
                state.positive[hash] = nil
                if state.negative.count >= negativeLimit { Self.evict(&state.negative, now: now) { $0.expires } }
                state.negative[hash] = (entry, expires)
            }
        }
    }

    /// How many hashes are remembered, known and not.
    var counts: (positive: Int, negative: Int) { state.withLock { ($0.positive.count, $0.negative.count) } }

    /// Drops expired entries, then, if that freed nothing, the half that expires soonest.
    private static func evict<Value>(
        _ entries: inout [String: Value], now: ContinuousClock.Instant, expiry: (Value) -> ContinuousClock.Instant
    ) {
        let before = entries.count
        entries = entries.filter { expiry($0.value) > now }
        guard entries.count == before else { return }
        let soonest = entries.sorted { expiry($0.value) < expiry($1.value) }.prefix(max(1, before / 2)).map(\.key)
        for key in soonest { entries[key] = nil }
    }
}
