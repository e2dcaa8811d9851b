import Foundation
import RunFolders
import Synchronization

/// Prints run progress (evaluations, goals episodes) to stderr: every few seconds and at the end of each phase, with counts and ETA.
final class ProgressPrinter: Sendable {
    private let quiet: Bool
    private let interval: Duration
    private let last = Mutex<(phase: String, at: ContinuousClock.Instant?)>(("", nil))

    init(quiet: Bool, interval: Duration = .seconds(3)) {
        self.quiet = quiet
        self.interval = interval
    }

    func handle(_ update: ProgressUpdate) {
        guard !quiet else { return }
        let now = ContinuousClock.now
        let show = last.withLock { state in
            let due = state.phase != update.phase || state.at.map { now - $0 >= interval } ?? true || update.done == update.total
            if due { state = (update.phase, now) }
            return due
        }
        if show { Console.note("  " + update.line) }
    }

    var handler: ProgressHandler { { [self] update in handle(update) } }
}
