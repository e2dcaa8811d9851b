@testable import ChildProcesses
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SupervisedChildTests {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("supervised-\(UUID().uuidString).log").path

    @Test func theChildIsTheCommandItselfWithAnEmptyMaskAndItStopsWhenTheScopeEnds() async throws {
        let pid = try await ChildProcess.withSupervised(ChildCommand("sleep", ["600"]), logFile: log) { child in
            #expect(child.isRunning)
            // The watchdog shell `exec`s the command: same process id, new program.
            try await Self.waitUntil(seconds: 30) { Self.command(of: child.processIdentifier) == "sleep" }
            let status = try String(contentsOfFile: "/proc/\(child.processIdentifier)/status", encoding: .utf8)
            #expect(status.contains("Name:\tsleep"))
            #expect(status.contains("SigBlk:\t0000000000000000"))
            #expect(ignoredStandardSignals(status) == 0)
            return child.processIdentifier
        }
        #expect(!ChildLiveness.isAlive(pid))
    }

    @Test func theChildStopsWhenTheBodyThrows() async throws {
        struct Planned: Error {}
        let box = PIDRecorder()
        await #expect(throws: Planned.self) {
            try await ChildProcess.withSupervised(ChildCommand("sleep", ["600"]), logFile: log) { child in
                box.pid = child.processIdentifier
                throw Planned()
            }
        }
        #expect(box.pid > 0)
        #expect(!ChildLiveness.isAlive(box.pid))
    }

    @Test func aChildThatExitsOnItsOwnIsSeenAsStoppedAndItsOutputIsLogged() async throws {
        try await ChildProcess.withSupervised(ChildCommand("sh", ["-c", "echo to the log; exit 7"]), logFile: log) { child in
            while child.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("to the log"))
    }

    /// The owner dying without any chance to clean up (`kill -9`) closes the watchdog's pipe; the child follows.
    /// Here the pipe's only writer is a separate process, killed with SIGKILL, as this process would be.
    @Test func theChildFollowsItsOwnerWhenTheOwnerIsKilledWithSIGKILL() async throws {
        let pipeline = """
            sh -c 'echo "writer $$" >&2; exec sleep 600' | sh -c 'echo "child $$"; exec sh -c "$1" watchdog sleep 600' inner "$1"
            """
        let pids = AsyncStream.makeStream(of: (String, Int32).self)
        let pipelineTask = Task {
            try await ChildProcess.run(ChildCommand("sh", ["-c", pipeline, "owner", Watchdog.script(grace: .seconds(5))])) { line in
                let parts = line.split(separator: " ")
                if parts.count == 2, let pid = Int32(parts[1]) { pids.continuation.yield((String(parts[0]), pid)) }
            }
        }
        var found: [String: Int32] = [:]
        for await (role, pid) in pids.stream {
            found[role] = pid
            if found.count == 2 { break }
        }
        let writer = try #require(found["writer"])
        let child = try #require(found["child"])
        try await Self.waitUntil(seconds: 30) { Self.command(of: child) == "sleep" }
        #expect(Self.command(of: child) == "sleep")
        kill(writer, SIGKILL)
        try await Self.waitUntil(seconds: 30) { !ChildLiveness.isAlive(child) }
        #expect(!ChildLiveness.isAlive(child))
        _ = try await pipelineTask.value
    }

    static func command(of pid: Int32) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func waitUntil(seconds: Int, _ condition: () -> Bool) async throws {
        for _ in 0..<(seconds * 20) where !condition() { try await Task.sleep(for: .milliseconds(50)) }
    }
}

final class PIDRecorder: @unchecked Sendable {
    var pid: Int32 = 0
}
