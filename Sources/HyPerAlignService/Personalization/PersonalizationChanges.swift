import Synchronization

/// What the proxy knows about changes to personalization without asking the store: a generation that
/// advances whenever the store's change count moved (polled by ``PersonalizationChangeWatcher``) or this
/// service changed a user itself. A cache entry confirmed under the current generation is current.
final class PersonalizationChanges: Sendable {
    private struct State {
        var count: Int?
        var generation = 0
        var polledAt: ContinuousClock.Instant?
    }

    /// How long a poll is trusted: past it (the watcher stopped or the store fails) every request reads
    /// its user's revisions again, as if nothing were watched.
    let trustedFor: Duration
    private let state = Mutex(State())

    init(trustedFor: Duration) { self.trustedFor = trustedFor }

    /// The current generation, or nil when the last successful poll is older than ``trustedFor``.
    func trustedGeneration(now: ContinuousClock.Instant = .now) -> Int? {
        state.withLock { state in
            guard let polledAt = state.polledAt, polledAt.duration(to: now) <= trustedFor else { return nil }
            return state.generation
        }
    }

    /// Records a poll of the store's change count.
    func observe(count: Int, at instant: ContinuousClock.Instant = .now) {
        state.withLock { state in
            if state.count != count { state.generation &+= 1 }
            state.count = count
            state.polledAt = instant
        }
    }

    /// A change this service made: every entry confirmed before it is confirmed again.
    func advance() {
        state.withLock { $0.generation &+= 1 }
    }
}
