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

/// The one way this project runs child processes (built on swift-subprocess).
///
/// Every child starts with an empty signal mask and default signal dispositions — unlike
/// `Foundation.Process`, which hands a Swift-concurrency thread's blocked mask to the child, so that a
/// `cmake` waiting for its own children hangs forever and SIGTERM never reaches it. Output is drained as it
/// comes (no pipe can fill up) and the exit is awaited without polling.
///
/// Every child runs in a process group of its own behind a small `sh` watchdog, so a child
/// never outlives this process — not even when it is killed with `kill -9` — and a stopped child takes its
/// own children (a build's compilers) with it. Cancelling the calling task stops the child's group:
/// SIGTERM, then SIGKILL after `grace`.
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
        let result = try await typed(command) {
            try await runWatched(command, grace: grace, output: .sequence, error: .combinedWithOutput) { execution in
                onStart(execution.processIdentifier.value)
                var tail = LineTail(capacity: retainedLines)
                for try await line in execution.standardOutput.strings() {
                    onLine(line)
                    tail.append(line)
                }
                return tail.retained
            }
        }
        return ChildExit(command: command, status: ChildExit.Status(result.terminationStatus), lines: result.closureResult)
    }

    /// Runs `command` to its end and returns its standard output and error separately (each up to `limit` bytes).
    public static func capture(
        _ command: ChildCommand, limit: Int = 16 << 20, grace: Duration = .seconds(5)
    ) async throws(ChildProcessError) -> CapturedOutput {
        let result = try await typed(command) {
            try await runWatched(command, grace: grace, output: .sequence, error: .sequence) { execution in
                async let standardOutput = collect(execution.standardOutput, limit: limit)
                async let standardError = collect(execution.standardError, limit: limit)
                return try await (standardOutput, standardError)
            }
        }
        return CapturedOutput(
            status: ChildExit.Status(result.terminationStatus), standardOutput: result.closureResult.0,
            standardError: result.closureResult.1)
    }

    /// Runs `command` behind the watchdog in its own process group, registered for signal handling, for the
    /// duration of `body`; closing the watchdog's pipe afterwards stops whatever is left of the group.
    static func runWatched<Output: OutputProtocol, Error: ErrorOutputProtocol, T: Sendable>(
        _ command: ChildCommand,
        grace: Duration,
        output: Output,
        error: Error,
        body: (Execution<CustomWriteInput, Output, Error>) async throws -> T
    ) async throws -> ExecutionResult<T, Output, Error> {
        try await requireExecutable(command)
        var wrapped = command
        wrapped.executable = "/bin/sh"
        wrapped.arguments = ["-c", Watchdog.script(grace: grace), "hyperalign-watchdog", command.executable] + command.arguments
        do {
            return try await Subprocess.run(
                wrapped.subprocessConfiguration(grace: grace), input: .inputWriter, output: output, error: error
            ) { execution in
                let pid = execution.processIdentifier.value
                ChildProcessRegistry.shared.register(pid)
                defer { ChildProcessRegistry.shared.unregister(pid) }
                let value: T
                do {
                    value = try await body(execution)
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
    }

    /// The watchdog shell would report a missing program only as exit status 127: say so before starting.
    static func requireExecutable(_ command: ChildCommand) async throws(ChildProcessError) {
        let executable: Executable =
            command.executable.contains("/") ? .path(FilePath(command.executable)) : .name(command.executable)
        let path: FilePath
        do {
            path = try await executable.resolveExecutablePath(in: .inherit)
        } catch {
            throw .cannotStart(command, reason: "not found on PATH or not executable")
        }
        guard access(path.string, X_OK) == 0 else {
            throw .cannotStart(command, reason: "\(path.string) is not executable")
        }
    }

    /// Runs `operation`, reporting any failure that is not already a ``ChildProcessError`` as one.
    static func typed<T>(_ command: ChildCommand, _ operation: () async throws -> T) async throws(ChildProcessError) -> T {
        do {
            return try await operation()
        } catch let error as ChildProcessError {
            throw error
        } catch {
            throw .cannotStart(command, reason: "\(error)")
        }
    }

    static func collect(_ sequence: SubprocessOutputSequence, limit: Int) async throws -> String {
        var bytes: [UInt8] = []
        for try await buffer in sequence where bytes.count < limit {
            buffer.withUnsafeBytes { bytes.append(contentsOf: $0.prefix(limit - bytes.count)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ChildCommand {
    func subprocessConfiguration(grace: Duration) -> Configuration {
        var options = PlatformOptions()
        // A group of its own: signals from a terminal reach only this process, which stops the group itself,
        // and a stop reaches the child's own children too.
        options.processGroupID = 0
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: grace)]
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
