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

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheEmbeddedServer(signal: Int32) async throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["demo", "--quiet", "--no-cache"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var server: Int32?
        for _ in 0..<600 where server == nil {
            server = Self.children(of: process.processIdentifier).first { Self.commandLine($0).contains("llama-server") }
            try await Task.sleep(for: .milliseconds(50))
        }
        let child = try #require(server, "the demo never started llama-server")
        try await Task.sleep(for: .milliseconds(300))
        kill(process.processIdentifier, signal)
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 128 + signal)
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(child, 0) != 0 || Self.commandLine(child).isEmpty
            if !gone { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(gone, "llama-server \(child) outlived the CLI")
    }
}
