import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import LanguageModels
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import UnixSignals

/// An OpenAI-compatible server on 127.0.0.1 that enforces OpenAI's strict Structured Outputs rules
/// (``StrictModeCheck``) and forwards every accepted request to a real upstream — the embedded
/// `llama-server` — so a benchmark can run for real against a server that refuses, with HTTP 400, exactly
/// the schemas OpenAI refuses.
///
/// A strict `json_schema` is translated for llama.cpp on the way: the schema is also put in the top-level
/// `json_schema` field its grammar engine reads. `GET /strict-proxy/stats` reports what was forwarded and
/// refused.
package final class StrictCheckingProxy: Sendable {
    /// What the proxy has seen.
    package struct Stats: Sendable, Codable {
        package var forwarded = 0
        package var rejected = 0
        /// The refusal messages, in order.
        package var problems: [String] = []
    }

    package let upstream: String
    private let state = Mutex(Stats())

    package init(upstream: String) {
        self.upstream = upstream.hasSuffix("/") ? String(upstream.dropLast()) : upstream
    }

    package var stats: Stats { state.withLock { $0 } }

    /// Serves on `port` (0: any free one) until SIGTERM or SIGINT.
    /// - Parameter ready: called with the port once the server listens.
    package func run(port: Int = 0, ready: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let router = Router()
        router.post("v1/chat/completions") { request, _ in try await self.chatCompletion(request) }
        router.get("v1/models") { _, _ in try await self.forward(method: .GET, path: "/v1/models", body: nil) }
        router.get("strict-proxy/stats") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(self.stats))))
        }
        var logger = Logger(label: "strict-proxy")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in ready(channel.localAddress?.port ?? 0) }, logger: logger)
        try await ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
    }

    private func chatCompletion(_ request: Request) async throws -> Response {
        let bytes = try await request.body.collect(upTo: 32 * 1024 * 1024)
        guard case .object(var body)? = try? JSONValue.parse(String(buffer: bytes)) else {
            return refuse("We could not parse the JSON body of your request.")
        }
        if let problem = StrictModeCheck.problem(in: .object(body)) { return refuse(problem) }
        if body["response_format"]?["type"]?.stringValue == "json_schema", let schema = body["response_format"]?["json_schema"]?["schema"] {
            body["json_schema"] = schema
        }
        state.withLock { $0.forwarded += 1 }
        return try await forward(method: .POST, path: "/v1/chat/completions", body: ByteBuffer(string: JSONValue.object(body).canonicalText()))
    }

    private func refuse(_ message: String) -> Response {
        state.withLock { stats in
            stats.rejected += 1
            stats.problems.append(message)
        }
        return Response(
            status: .badRequest, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: StrictModeCheck.errorBody(message))))
    }

    /// The upstream's answer, status and body (streamed through as it arrives).
    private func forward(method: NIOHTTP1.HTTPMethod, path: String, body: ByteBuffer?) async throws -> Response {
        var outgoing = HTTPClientRequest(url: upstream + path)
        outgoing.method = method
        outgoing.headers.add(name: "Content-Type", value: "application/json")
        if let body { outgoing.body = .bytes(body) }
        let response = try await LanguageModelHTTPClient.shared.execute(outgoing, timeout: .seconds(900))
        var headers = HTTPFields()
        headers[.contentType] = response.headers.first(name: "Content-Type") ?? "application/json"
        let upstreamBody = response.body
        return Response(status: .init(code: Int(response.status.code)), headers: headers, body: ResponseBody { writer in
            for try await chunk in upstreamBody { try await writer.write(chunk) }
            try await writer.finish(nil)
        })
    }
}
