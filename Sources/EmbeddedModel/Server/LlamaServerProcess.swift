import AsyncHTTPClient
import Foundation
import LanguageModels
import Logging
import NIOCore
import NIOHTTP1

/// A running `llama-server` child process on a loopback port.
///
/// Prefer ``EmbeddedModelServer/withServer(_:paths:client:logger:body:)``, which stops the process on every
/// way out of its scope; this type is the lower-level handle.
public final class LlamaServerProcess: Sendable {
    public let baseURL: String
    public let port: Int
    public let arguments: [String]
    public let logFile: URL
    private let process: Process
    private let exit: ProcessExit
    private let client: HTTPClient
    private let logger: Logger

    /// Starts the server and returns once `/health` answers 200.
    public static func start(
        _ configuration: LlamaServerConfiguration,
        paths: EmbeddedPaths = EmbeddedPaths(),
        client: HTTPClient = LanguageModelHTTPClient.shared,
        logger: Logger = Logger(label: "hyperalign.embedded")
    ) async throws -> LlamaServerProcess {
        let port = configuration.port == 0 ? try LoopbackPort.free() : configuration.port
        let arguments = configuration.arguments(modelPath: paths.modelFile(configuration.model).path, port: port)
        try FileManager.default.createDirectory(at: paths.logs, withIntermediateDirectories: true)
        let logFile = paths.logs.appendingPathComponent("llama-server-\(port).log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)

        let process = Process()
        process.executableURL = paths.serverBinary
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let exit = ProcessExit(process)
        do {
            try process.run()
        } catch {
            throw EmbeddedSetupError(step: "starting llama-server", message: "\(error)")
        }
        ChildProcessRegistry.shared.register(process)
        let server = LlamaServerProcess(
            baseURL: "http://127.0.0.1:\(port)", port: port, arguments: arguments, logFile: logFile,
            process: process, exit: exit, client: client, logger: logger)
        logger.debug("started llama-server", metadata: ["pid": "\(process.processIdentifier)", "port": "\(port)"])
        do {
            try await server.waitUntilHealthy(timeout: configuration.startupTimeout)
        } catch {
            await server.stop()
            throw error
        }
        return server
    }

    private init(
        baseURL: String, port: Int, arguments: [String], logFile: URL, process: Process, exit: ProcessExit,
        client: HTTPClient, logger: Logger
    ) {
        self.baseURL = baseURL
        self.port = port
        self.arguments = arguments
        self.logFile = logFile
        self.process = process
        self.exit = exit
        self.client = client
        self.logger = logger
    }

    public var processIdentifier: Int32 { process.processIdentifier }
    public var isRunning: Bool { !exit.hasExited }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within five seconds.
    public func stop() async {
        defer { ChildProcessRegistry.shared.unregister(process) }
        guard !exit.hasExited else { return }
        process.terminate()
        if await exit.wait(timeout: .seconds(5)) { return }
        kill(process.processIdentifier, SIGKILL)
        _ = await exit.wait(timeout: .seconds(5))
    }

    private func waitUntilHealthy(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if exit.hasExited {
                throw EmbeddedSetupError(
                    step: "starting llama-server",
                    message: "it exited with status \(process.terminationStatus)", outputTail: logTail())
            }
            var request = HTTPClientRequest(url: baseURL + "/health")
            request.method = .GET
            if let response = try? await client.execute(request, timeout: .seconds(2)) {
                // Always drain the body: an unread one keeps its pooled connection busy, and enough of them
                // (a slow model load answers 503 many times) exhaust the pool.
                _ = try? await response.body.collect(upTo: 1 << 16)
                if response.status.code == 200 { return }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EmbeddedSetupError(
            step: "starting llama-server", message: "not healthy within \(timeout)", outputTail: logTail())
    }

    func logTail() -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(20).joined(separator: "\n")
    }
}
