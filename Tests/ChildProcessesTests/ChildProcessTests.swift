import ChildProcesses
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ChildProcessTests {
    /// `Foundation.Process` started from a concurrency thread passed nearly every signal blocked to its
    /// children (`SigBlk: fffffffe3bfbea27`), so a cmake waiting for its own children hung forever.
    @Test func aChildStartsWithAnEmptySignalMaskAndDefaultDispositions() async throws {
        // An ignored signal is inherited across exec unless the runner resets dispositions: make one ignored here.
        let previous = signal(SIGUSR2, SIG_IGN)
        defer { signal(SIGUSR2, previous) }
        // The child reads its own status (not a shell's: a shell waiting for its child blocks signals itself).
        let exit = try await ChildProcess.run(ChildCommand("grep", ["-E", "^Sig(Blk|Ign):", "/proc/self/status"]))
        try exit.requireSuccess()
        #expect(exit.lines.contains("SigBlk:\t0000000000000000"), "\(exit.lines)")
        #expect(ignoredStandardSignals(exit.output) == 0, "\(exit.lines)")
    }

    /// The hang that stopped every first run: cmake's configure step waits for its `execute_process` children.
    @Test func aCMakeConfigureThatRunsExecuteProcessFinishes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cmake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            cmake_minimum_required(VERSION 3.10)
            project(tiny NONE)
            execute_process(COMMAND sh -c "echo child says hello" OUTPUT_VARIABLE greeting)
            message(STATUS "greeting: ${greeting}")
            """.write(to: directory.appendingPathComponent("CMakeLists.txt"), atomically: true, encoding: .utf8)
        let command = ChildCommand("cmake", ["-S", directory.path, "-B", directory.appendingPathComponent("build").path])
        // A generous bound that only a hang can exceed; the configure itself takes about a second.
        let exit = try await withThrowingTaskGroup(of: ChildExit?.self) { group in
            group.addTask { try await ChildProcess.run(command) }
            group.addTask {
                try await Task.sleep(for: .seconds(300))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let finished = try #require(exit, "cmake configure did not finish")
        try finished.requireSuccess()
        #expect(finished.lines.contains { $0.contains("greeting: child says hello") })
    }

    @Test func aFailureKeepsTheExitStatusAndTheTailOfTheOutput() async throws {
        let exit = try await ChildProcess.run(ChildCommand("sh", ["-c", "echo one; echo two >&2; exit 3"]))
        #expect(exit.status == .exited(3))
        #expect(exit.lines == ["one", "two"])
        #expect(throws: ChildProcessError.self) { try exit.requireSuccess() }
        do {
            try exit.requireSuccess()
        } catch {
            #expect(error.description.contains("exit status 3"))
            #expect(error.description.contains("two"))
        }
    }

    @Test func aMissingProgramIsAClearError() async throws {
        do {
            _ = try await ChildProcess.run(ChildCommand("hyperalign-no-such-program", ["x"]))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("hyperalign-no-such-program"))
        }
    }

    @Test func largeOutputIsDrainedAndOnlyTheTailKept() async throws {
        let lines = LineCounter()
        let exit = try await ChildProcess.run(ChildCommand("sh", ["-c", "yes line | head -n 200000; echo last >&2"])) { _ in
            lines.increment()
        }
        try exit.requireSuccess()
        #expect(lines.value == 200_001)
        #expect(exit.lines.count == ChildProcess.retainedLines)
        #expect(exit.lines.last == "last")
    }

    @Test func cancellingTheTaskStopsTheChildWithSIGTERM() async throws {
        let started = AsyncStream.makeStream(of: Int32.self)
        let task = Task {
            try await ChildProcess.run(ChildCommand("sh", ["-c", "echo $$; exec sleep 600"])) { line in
                if let pid = Int32(line) { started.continuation.yield(pid) }
            }
        }
        var iterator = started.stream.makeAsyncIterator()
        let pid = try #require(await iterator.next())
        #expect(ChildLiveness.isAlive(pid))
        task.cancel()
        let exit = try await task.value
        #expect(exit.status == .signalled(SIGTERM))
        #expect(!ChildLiveness.isAlive(pid))
    }
}

final class LineCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// The ignored-signals mask of a `/proc/PID/status` text, restricted to the standard signals 1–31.
///
/// Signals 32 and 33 are glibc's own (thread cancellation, set-id broadcast): `signal()` refuses to touch them,
/// so no runner can reset them, and the child's libc manages them itself.
func ignoredStandardSignals(_ status: String) -> UInt64? {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
        let mask = UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    else { return nil }
    return mask & 0x7FFF_FFFF
}
