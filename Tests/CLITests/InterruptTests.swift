import ChildProcesses
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C and `kill` must not leave the embedded llama-server behind.
struct InterruptTests {
    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }

    static func commandLine(_ pid: Int32) -> String {
        let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Starts `arguments`, waits for its llama-server child, sends `signal` to the CLI and returns
    /// (the CLI's exit, the server's pid, whether the server is gone within 15 s).
    func killWhileServing(_ arguments: [String], signal: Int32) async throws -> (ChildExit, Int32, Bool) {
        let started = AsyncStream.makeStream(of: Int32.self)
        let cli = CLIRunner()
        let run = Task {
            try await ChildProcess.run(cli.command(arguments), onStart: { started.continuation.yield($0) }, onLine: { _ in })
        }
        var iterator = started.stream.makeAsyncIterator()
        let pid = try #require(await iterator.next())
        var server: Int32?
        for _ in 0..<1200 where server == nil {
            server = Self.children(of: pid).first { Self.commandLine($0).contains("llama-server") }
            if server == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard let child = server else {
            kill(pid, SIGKILL)
            _ = try? await run.value
            Issue.record("`hyperalign \(arguments.joined(separator: " "))` never started llama-server")
            throw CancellationError()
        }
        let status = try String(contentsOfFile: "/proc/\(child)/status", encoding: .utf8)
        #expect(status.contains("SigBlk:\t0000000000000000"), "llama-server started with a blocked signal mask")
        kill(pid, signal)
        let exit = try await run.value
        var gone = false
        for _ in 0..<300 where !gone {
            gone = !ChildLiveness.isAlive(child) || !Self.commandLine(child).contains("llama-server")
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        return (exit, child, gone)
    }

    /// SIGINT and SIGTERM stop the children on the way out; SIGKILL leaves no way out, and the watchdog
    /// that wraps llama-server stops it anyway.
    @Test(arguments: [SIGINT, SIGTERM, SIGKILL])
    func aSignalToTheCLIStopsTheEmbeddedServer(signal: Int32) async throws {
        let (exit, child, gone) = try await killWhileServing(["demo", "--quiet", "--no-cache"], signal: signal)
        #expect(exit.status == (signal == SIGKILL ? .signalled(SIGKILL) : .exited(128 + signal)))
        #expect(gone, "llama-server \(child) outlived the CLI")
    }

    @Test func killingServeWithSIGKILLStopsTheEmbeddedServer() async throws {
        let (exit, child, gone) = try await killWhileServing(["serve", "--port", "0"], signal: SIGKILL)
        #expect(exit.status == .signalled(SIGKILL))
        #expect(gone, "llama-server \(child) outlived `serve`")
    }
}
