import Subprocess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(System)
    import System
#else
    import SystemPackage
#endif

extension ChildProcess {
    /// Runs a long-lived `command` (a server) for the duration of `body`, its output appended to `logFile`.
    ///
    /// The child never outlives this process, even one killed with `kill -9`: it is started through a small
    /// `sh` watchdog that holds the read end of a pipe whose only write end is ours. When our end closes —
    /// because `body` returned or because this process died — the watchdog sends the child SIGTERM, then
    /// SIGKILL after `grace`. If `body` throws or the task is cancelled, the child gets the same SIGTERM
    /// then SIGKILL directly. Either way this returns once the child has exited.
    public static func withSupervised<T: Sendable>(
        _ command: ChildCommand,
        logFile: String,
        grace: Duration = .seconds(5),
        body: (SupervisedChild) async throws -> T
    ) async throws -> T {
        var wrapped = command
        wrapped.executable = "/bin/sh"
        wrapped.arguments = ["-c", Watchdog.script(grace: grace), "hyperalign-watchdog", command.executable] + command.arguments
        let log: FileDescriptor
        do {
            log = try FileDescriptor.open(
                FilePath(logFile), .writeOnly, options: [.create, .append], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch {
            throw ChildProcessError.cannotStart(command, reason: "cannot open its log file \(logFile): \(error)")
        }
        let result: ExecutionResult<T, FileDescriptorOutput, CombinedErrorOutput>
        do {
            result = try await Subprocess.run(
                wrapped.subprocessConfiguration(grace: grace), input: .inputWriter,
                output: .fileDescriptor(log, closeAfterSpawningProcess: true), error: .combinedWithOutput
            ) { execution in
                let child = SupervisedChild(processIdentifier: execution.processIdentifier.value)
                ChildProcessRegistry.shared.register(child.processIdentifier)
                defer { ChildProcessRegistry.shared.unregister(child.processIdentifier) }
                // Closing the watchdog's pipe is the normal way to stop the child, on every way out.
                let value: T
                do {
                    value = try await body(child)
                } catch {
                    try? await execution.standardInputWriter.finish()
                    throw error
                }
                try await execution.standardInputWriter.finish()
                return value
            }
        } catch let error as SubprocessError {
            throw ChildProcessError.cannotStart(command, reason: "\(error)")
        }
        return result.closureResult
    }
}

/// The `sh` wrapper that ties a child's life to a pipe: `$$` is the child after `exec`.
enum Watchdog {
    static func script(grace: Duration) -> String {
        let tenths = max(1, Int(grace.components.seconds * 10 + grace.components.attoseconds / 100_000_000_000_000_000))
        return """
            exec 3<&0 0</dev/null
            (
              while read -r _ <&3; do :; done
              kill -TERM $$ 2>/dev/null
              i=0
              while [ "$i" -lt \(tenths) ] && kill -0 $$ 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
              kill -0 $$ 2>/dev/null && kill -KILL $$ 2>/dev/null
            ) &
            exec 3<&-
            exec "$@"
            """
    }
}
