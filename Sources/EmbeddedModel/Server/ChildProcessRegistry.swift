import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Every child process this program started, so Ctrl-C, `kill` and error exits stop them too:
/// no orphaned `llama-server` is left holding a port and a gigabyte of memory.
public final class ChildProcessRegistry: Sendable {
    public static let shared = ChildProcessRegistry()

    private let processes = Mutex<[ObjectIdentifier: Process]>([:])
    /// Kept alive for the life of the process; written once by `installSignalHandlers`.
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    private init() {}

    /// Tracks a child started elsewhere (e.g. a benchmark's second server) so signals stop it too.
    public func register(_ process: Process) {
        processes.withLock { $0[ObjectIdentifier(process)] = process }
    }

    public func unregister(_ process: Process) {
        _ = processes.withLock { $0.removeValue(forKey: ObjectIdentifier(process)) }
    }

    /// Terminates every registered child (SIGTERM, then SIGKILL after a grace period).
    public func terminateAll(grace: TimeInterval = 2) {
        let running = processes.withLock { Array($0.values) }.filter(\.isRunning)
        for process in running { process.terminate() }
        let deadline = Date().addingTimeInterval(grace)
        while running.contains(where: \.isRunning), Date() < deadline { usleep(20_000) }
        for process in running where process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Installs SIGINT, SIGTERM and SIGHUP handlers that stop the children, then exit with 128+signal.
    /// Call once, early, from an executable.
    public func installSignalHandlers() {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                terminateAll()
                FileHandle.standardError.write(Data("\ninterrupted; stopped child processes\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
        Self.signalSources = sources
    }
}
