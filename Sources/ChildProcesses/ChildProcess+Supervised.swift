import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

extension ChildProcess {
    /// Runs a long-lived `command` (a server) for the duration of `body`, its output appended to `logFile`.
    ///
    /// When `body` returns, the child is stopped (SIGTERM, then SIGKILL after `grace`) and this returns once it
    /// has exited; the same happens if `body` throws or the task is cancelled. If this process dies first,
    /// even by `kill -9`, the watchdog stops the child anyway.
    public static func withSupervised<T: Sendable>(
        _ command: ChildCommand,
        logFile: String,
        grace: Duration = .seconds(5),
        body: (SupervisedChild) async throws -> T
    ) async throws -> T {
        let log: FileDescriptor
        do {
            log = try FileDescriptor.open(
                FilePath(logFile), .writeOnly, options: [.create, .append],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw ChildProcessError.cannotStart(command, reason: "cannot open its log file \(logFile): \(error)")
        }
        let result = try await runWatched(
            command, grace: grace, output: .fileDescriptor(log, closeAfterSpawningProcess: true), error: .combinedWithOutput
        ) { execution in
            try await body(SupervisedChild(processIdentifier: execution.processIdentifier.value))
        }
        return result.closureResult
    }
}
