import AsyncHTTPClient
import ChildProcesses
import Foundation
import LanguageModels
import Logging
import NIOCore
import NIOHTTP1

/// A running `llama-server` child on a loopback port, for the duration of a scope.
///
/// Prefer ``EmbeddedModelServer/withServer(_:paths:client:logger:setupProgress:body:)``, which also sets the
/// runtime up and hands over a ready ``ChatModel``. The server never outlives its owner, even one killed
/// with `kill -9` (see ``ChildProcess/withSupervised(_:logFile:grace:body:)``).
public struct LlamaServerProcess: Sendable {
    public let baseURL: String
    public let port: Int
    public let arguments: [String]
    public let logFile: URL
    private let child: SupervisedChild

    public var processIdentifier: Int32 { child.processIdentifier }
    public var isRunning: Bool { child.isRunning }

    /// Starts the server, waits until `/health` answers 200, runs `body`, and stops the server on every way out.
    public static func run<T: Sendable>(
        _ configuration: LlamaServerConfiguration,
        paths: EmbeddedPaths = EmbeddedPaths(),
        client: HTTPClient = LanguageModelHTTPClient.shared,
        logger: Logger = Logger(label: "hyperalign.embedded"),
        body: (LlamaServerProcess) async throws -> T
    ) async throws -> T {
        let port = configuration.port == 0 ? try LoopbackPort.free() : configuration.port
        let threads = if let threads = configuration.threads { threads } else {
            await LlamaServerConfiguration.threadsForCurrentLoad(slots: configuration.slots)
        }
        let arguments = configuration.arguments(modelPath: paths.modelFile(configuration.model).path, port: port, threads: threads)
        try FileManager.default.createDirectory(at: paths.logs, withIntermediateDirectories: true)
        let logFile = paths.logs.appendingPathComponent("llama-server-\(port).log")
        try? FileManager.default.removeItem(at: logFile)
        let command = ChildCommand(paths.serverBinary.path, arguments)
        do {
            return try await ChildProcess.withSupervised(command, logFile: logFile.path) { child in
                let server = LlamaServerProcess(
                    baseURL: "http://127.0.0.1:\(port)", port: port, arguments: arguments, logFile: logFile, child: child)
                logger.debug("started llama-server", metadata: ["pid": "\(child.processIdentifier)", "port": "\(port)"])
                try await Self.waitUntilHealthy(
                    baseURL: server.baseURL, child: child, timeout: configuration.startupTimeout, client: client, logFile: logFile)
                return try await body(server)
            }
        } catch let error as ChildProcessError {
            throw EmbeddedSetupError(step: "starting llama-server", message: "\(error)")
        }
    }

    /// Polls `/health` until it answers 200; fails at once if the child exits, or after `timeout`.
    /// Also used for a `llama-server` started by hand (a benchmark's reference), which has no log file.
    package static func waitUntilHealthy(
        baseURL: String, child: SupervisedChild, timeout: Duration, client: HTTPClient, logFile: URL?
    ) async throws {
        let logTail = { logFile.map(Self.tail(of:)) ?? "" }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard child.isRunning else {
                throw EmbeddedSetupError(step: "starting llama-server", message: "it exited during startup", outputTail: logTail())
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

    static func tail(of logFile: URL) -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(20).joined(separator: "\n")
    }
}
