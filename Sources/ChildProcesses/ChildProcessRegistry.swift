#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import Synchronization

/// The children running right now, so a SIGINT, SIGTERM or SIGHUP that ends this program stops them first
/// instead of leaving a build or a model server behind.
public final class ChildProcessRegistry: Sendable {
    public static let shared = ChildProcessRegistry()

    private let running = Mutex<Set<Int32>>([])
    /// Kept alive for the life of the process; written once by ``installSignalHandlers()``.
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    private init() {}

    package func register(_ pid: Int32) {
        _ = running.withLock { $0.insert(pid) }
    }

    package func unregister(_ pid: Int32) {
        _ = running.withLock { $0.remove(pid) }
    }

    /// The children currently registered (for tests and diagnostics).
    public var processIdentifiers: Set<Int32> { running.withLock { $0 } }

    /// Sends SIGTERM to every running child's process group, then SIGKILL to the groups of those still
    /// alive after `grace`. Runs in a signal handler's context: blocking is fine, the process exits next.
    public func terminateAll(grace: Duration = .seconds(3)) {
        let pids = running.withLock { $0 }.filter(ChildLiveness.isAlive)
        for pid in pids { kill(-pid, SIGTERM) }
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while pids.contains(where: ChildLiveness.isAlive), clock.now < deadline { usleep(20_000) }
        for pid in pids where ChildLiveness.isAlive(pid) { kill(-pid, SIGKILL) }
    }

    /// Installs SIGINT, SIGTERM and SIGHUP handlers that stop the children, then exit with 128+signal.
    /// Call once, early, from an executable that has no graceful shutdown of its own.
    public func installSignalHandlers(onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                terminateAll()
                onSignal(signalNumber)
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
        Self.signalSources = sources
    }
}
