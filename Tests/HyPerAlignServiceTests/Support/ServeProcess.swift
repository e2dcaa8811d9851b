import ChildProcesses
import Foundation

/// A `hyperalign serve` child process, for tests that need real replicas (separate processes, one database).
///
/// Scoped: ``with(store:upstream:body:)`` starts it, waits for the line naming its port, and stops it on every
/// way out. Started through ``ChildProcess`` like every child of the project (empty signal mask, own group).
struct ServeProcess: Sendable {
    let processIdentifier: Int32
    let port: Int
    private let exits: AsyncStream<ChildExit.Status>

    /// The built `hyperalign` binary beside the test bundle.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hyperalign")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "hyperalign")
    }

    /// Runs `hyperalign serve --port 0 …` for the duration of `body`; `options` (`--rate-limit`: `"5"`) add to
    /// or replace the defaults (no rate limit, warnings only).
    static func with<T: Sendable>(
        store: String, upstream: String, options: [String: String] = [:], body: (ServeProcess) async throws -> T
    ) async throws -> T {
        let settings = ["--rate-limit": "0", "--log-level": "warning"].merging(options) { $1 }
        let command = ChildCommand(binary.path, [
            "serve", "--port", "0", "--store", store, "--provider", "openai", "--base-url", upstream,
            "--model", "upstream-model",
        ] + settings.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        let started = AsyncStream.makeStream(of: Int32.self)
        let lines = AsyncStream.makeStream(of: String.self)
        let exits = AsyncStream.makeStream(of: ChildExit.Status.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer {
                    lines.continuation.finish()
                    exits.continuation.finish()
                }
                let exit = try await ChildProcess.run(
                    command, onStart: { started.continuation.yield($0) }, onLine: { lines.continuation.yield($0) })
                exits.continuation.yield(exit.status)
            }
            var pids = started.stream.makeAsyncIterator()
            guard let pid = await pids.next() else { throw ServiceHarness.HarnessError(message: "serve did not start") }
            var port: Int?
            for await line in lines.stream where line.contains("serving on http") {
                port = line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                break
            }
            guard let port else {
                _ = Foundation.kill(pid, SIGKILL)
                throw ServiceHarness.HarnessError(message: "serve printed no port")
            }
            let server = ServeProcess(processIdentifier: pid, port: port, exits: exits.stream)
            do {
                let value = try await body(server)
                _ = await server.kill()
                try await group.waitForAll()
                return value
            } catch {
                _ = await server.kill()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    /// SIGKILL: no chance to finish anything. Returns once the process is gone.
    @discardableResult
    func kill() async -> ChildExit.Status? {
        _ = Foundation.kill(processIdentifier, SIGKILL)
        return await exitStatus()
    }

    /// SIGTERM and wait: the graceful path. Returns the exit code (128 + signal if it died of one).
    func stop() async -> Int32 {
        _ = Foundation.kill(processIdentifier, SIGTERM)
        switch await exitStatus() {
        case .exited(let code): return code
        case .signalled(let signal): return 128 + signal
        case nil: return 0
        }
    }

    private func exitStatus() async -> ChildExit.Status? {
        var iterator = exits.makeAsyncIterator()
        return await iterator.next()
    }

    /// Runs `hyperalign ARGS` to completion and returns its standard output.
    static func run(_ arguments: [String]) async throws -> String {
        let output = try await ChildProcess.capture(ChildCommand(binary.path, arguments))
        guard output.status == .exited(0) else {
            throw ServiceHarness.HarnessError(message: "hyperalign \(arguments.first ?? "") ended with \(output.status): \(output.standardError)")
        }
        return output.standardOutput
    }
}
