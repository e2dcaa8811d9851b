import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// The one way this project runs child processes (built on swift-subprocess).
///
/// Every child starts with an empty signal mask and default signal dispositions — unlike
/// `Foundation.Process`, which hands a Swift-concurrency thread's blocked mask to the child, so that a
/// `cmake` waiting for its own children hangs forever and SIGTERM never reaches it. Standard input is
/// `/dev/null`, output is drained as it comes (no pipe can fill up), and the exit is awaited without
/// polling. Cancelling the calling task stops the child: SIGTERM, then SIGKILL after a grace period.
public enum ChildProcess {
    /// How many of the last output lines a ``ChildExit`` keeps.
    public static let retainedLines = 400

    /// Runs `command` to its end, handing each line it prints (standard output and error merged) to `onLine`.
    ///
    /// A non-zero exit is returned, not thrown: call ``ChildExit/requireSuccess()`` where it is an error.
    public static func run(
        _ command: ChildCommand,
        grace: Duration = .seconds(5),
        onLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws(ChildProcessError) -> ChildExit {
        try await run(command, grace: grace, onStart: { _ in }, onLine: onLine)
    }

    /// ``run(_:grace:onLine:)`` that also tells the child's process id once it runs (to signal it, or to watch it).
    public static func run(
        _ command: ChildCommand,
        grace: Duration = .seconds(5),
        onStart: @Sendable (Int32) -> Void,
        onLine: @escaping @Sendable (String) -> Void
    ) async throws(ChildProcessError) -> ChildExit {
        let configuration = command.subprocessConfiguration(grace: grace)
        do {
            let result = try await Subprocess.run(
                configuration, input: .none, output: .sequence, error: .combinedWithOutput
            ) { execution in
                let pid = execution.processIdentifier.value
                ChildProcessRegistry.shared.register(pid)
                defer { ChildProcessRegistry.shared.unregister(pid) }
                onStart(pid)
                var tail = LineTail(capacity: retainedLines)
                for try await line in execution.standardOutput.strings() {
                    onLine(line)
                    tail.append(line)
                }
                return tail.retained
            }
            return ChildExit(command: command, status: ChildExit.Status(result.terminationStatus), lines: result.closureResult)
        } catch let error as SubprocessError {
            throw .cannotStart(command, reason: "\(error)")
        } catch {
            throw .cannotStart(command, reason: "\(error)")
        }
    }
}

extension ChildProcess {
    /// Runs `command` to its end and returns its standard output and error separately (each up to `limit` bytes).
    public static func capture(
        _ command: ChildCommand, limit: Int = 16 << 20, grace: Duration = .seconds(5)
    ) async throws(ChildProcessError) -> CapturedOutput {
        do {
            let result = try await Subprocess.run(
                command.subprocessConfiguration(grace: grace), input: .none,
                output: .string(limit: limit), error: .string(limit: limit))
            return CapturedOutput(
                status: ChildExit.Status(result.terminationStatus), standardOutput: result.standardOutput ?? "",
                standardError: result.standardError ?? "")
        } catch {
            throw .cannotStart(command, reason: "\(error)")
        }
    }
}

extension ChildCommand {
    func subprocessConfiguration(grace: Duration) -> Configuration {
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: grace)]
        let executable: Executable = executable.contains("/") ? .path(FilePath(executable)) : .name(executable)
        var inherited = Environment.inherit
        if !environment.isEmpty {
            var overrides: [Environment.Key: String?] = [:]
            for (name, value) in environment {
                if let key = Environment.Key(rawValue: name) { overrides[key] = value }
            }
            inherited = inherited.updating(overrides)
        }
        return Configuration(
            executable: executable, arguments: Arguments(arguments), environment: inherited,
            workingDirectory: workingDirectory.map { FilePath($0) }, platformOptions: options)
    }
}

extension ChildExit.Status {
    init(_ status: TerminationStatus) {
        switch status {
        case .exited(let code): self = .exited(Int32(code))
        case .signaled(let signal): self = .signalled(Int32(signal))
        }
    }
}
