import Foundation

/// A `hyperalign serve` child process, for tests that need real replicas (separate processes, one database).
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int

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

    /// Starts `hyperalign serve --port 0 …` and waits for the line naming its port.
    static func start(store: String, upstream: String) async throws -> ServeProcess {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = binary
                    process.arguments = [
                        "serve", "--port", "0", "--store", store, "--provider", "openai", "--base-url", upstream,
                        "--model", "upstream-model", "--rate-limit", "0", "--log-level", "warning",
                    ]
                    let out = Pipe()
                    process.standardOutput = out
                    process.standardError = FileHandle.nullDevice
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    var buffer = Data()
                    while !buffer.contains(0x0A) {
                        let chunk = out.fileHandleForReading.availableData
                        if chunk.isEmpty { break }
                        buffer.append(chunk)
                    }
                    let line = String(decoding: buffer, as: UTF8.self)
                    guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
                    else {
                        process.terminate()
                        throw ServiceHarness.HarnessError(message: "serve printed no port: '\(line)'")
                    }
                    continuation.resume(returning: ServeProcess(process: process, port: port))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// SIGKILL: no chance to finish anything.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait: the graceful path.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `hyperalign ARGS` to completion and returns its standard output.
    static func run(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = binary
                    process.arguments = arguments
                    let out = Pipe()
                    process.standardOutput = out
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let data = out.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    guard process.terminationStatus == 0 else {
                        throw ServiceHarness.HarnessError(message: "hyperalign \(arguments.first ?? "") exited \(process.terminationStatus)")
                    }
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
