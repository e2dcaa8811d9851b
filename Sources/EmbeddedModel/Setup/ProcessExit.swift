import Foundation
import Synchronization

/// Awaits a child's exit without blocking a thread: the handler is installed before launch, so an
/// exit that happens before anyone waits is not missed.
final class ProcessExit: Sendable {
    private final class State: Sendable {
        let value = Mutex<(exited: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
    }

    private let state = State()

    /// Installs the termination handler; call before `process.run()`.
    init(_ process: Process) {
        let state = self.state
        process.terminationHandler = { _ in
            let waiters = state.value.withLock { value in
                value.exited = true
                defer { value.waiters = [] }
                return value.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    var hasExited: Bool { state.value.withLock { $0.exited } }

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.value.withLock { value in
                if value.exited { return true }
                value.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Waits at most `timeout`; true when the process exited in time.
    func wait(timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while !hasExited, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return hasExited
    }
}
