import Synchronization

/// Counts finished steps of one phase and turns them into ``ProgressUpdate``s with an ETA.
///
/// The ETA divides the time spent by the steps done in this process (not the resumed ones), so a resumed
/// run does not promise to finish instantly.
public final class ProgressTracker: Sendable {
    private struct State {
        var done = 0
        var resumed = 0
    }

    public let phase: String
    public let total: Int
    private let handler: ProgressHandler
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let state = Mutex(State())

    /// A tracker of `total` steps called `phase`, reporting to `handler`.
    public init(phase: String, total: Int, handler: @escaping ProgressHandler) {
        self.phase = phase
        self.total = total
        self.handler = handler
        start = clock.now
    }

    /// Marks steps finished earlier (skipped now); also announces the phase.
    public func resumed(_ count: Int) {
        let snapshot = state.withLock { state in
            state.done += count
            state.resumed += count
            return state
        }
        report(snapshot)
    }

    /// Marks one step finished now.
    public func step() {
        report(state.withLock { state in
            state.done += 1
            return state
        })
    }

    private func report(_ snapshot: State) {
        let elapsed = clock.now - start
        let fresh = snapshot.done - snapshot.resumed
        let remaining: Duration? = fresh > 0 ? elapsed / fresh * (total - snapshot.done) : nil
        handler(ProgressUpdate(
            phase: phase, done: snapshot.done, total: total, resumed: snapshot.resumed, elapsed: elapsed,
            remaining: remaining))
    }
}
