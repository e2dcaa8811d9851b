import Foundation
import Logging
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import Synchronization

/// A real HTTP server on 127.0.0.1 whose every answer comes from a script: provider tests talk to it
/// over the wire instead of mocking URL loading, so status codes, headers, SSE framing, slow and broken
/// bodies are exercised exactly as a client meets them.
package final class WireTestServer: Sendable {
    /// A request as the server received it.
    package struct Recorded: Sendable {
        package var method: String
        package var path: String
        package var headers: [String: String]
        package var body: String

        package var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }
    }

    /// What to answer.
    package indirect enum Reply: Sendable {
        /// A whole body with a status and headers.
        case body(status: Int, String, headers: [String: String] = ["Content-Type": "application/json"])
        /// A `text/event-stream` written piece by piece with a pause between pieces.
        case events([String], pause: Duration = .milliseconds(5), status: Int = 200)
        /// Waits before answering, to trigger client timeouts.
        case delayed(Duration, then: Reply)
        /// A `text/event-stream`: `first`, then (after `gate` returns) `rest` — a stream paused mid-way
        /// for exactly as long as a test needs, without sleeping.
        case gated(first: [String], gate: @Sendable () async -> Void, rest: [String])

        package static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Reply {
            .body(status: status, text, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a })
        }
    }

    package let port: Int
    package var baseURL: String { "http://127.0.0.1:\(port)" }
    private let log: RecordLog

    private init(port: Int, log: RecordLog) {
        self.port = port
        self.log = log
    }

    /// Requests received so far, in order.
    package var requests: [Recorded] { log.storage.withLock { $0 } }

    /// Runs a server answering with `handler` for the duration of `body`.
    package static func withServer<T: Sendable>(
        handler: @escaping @Sendable (Recorded, Int) async -> Reply,
        body: @Sendable (WireTestServer) async throws -> T
    ) async throws -> T {
        let log = RecordLog()
        let router = Router()
        let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let bytes = try await request.body.collect(upTo: 16 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let entry = Recorded(
                method: request.method.rawValue, path: request.uri.path, headers: headers, body: String(buffer: bytes))
            let index = log.append(entry)
            return await render(handler(entry, index))
        }
        router.post("**", use: respond)
        router.get("**", use: respond)
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: {
                var logger = Logger(label: "wire-test-server")
                logger.logLevel = .critical
                return logger
            }())
        // Shut down gracefully (not by cancellation): open keep-alive connections are closed cleanly.
        let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = portStream.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await services.triggerGracefulShutdown()
                throw CancellationError()
            }
            let server = WireTestServer(port: port, log: log)
            do {
                let result = try await body(server)
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    static func render(_ reply: Reply) async -> Response {
        switch reply {
        case .body(let status, let text, let headers):
            var fields = HTTPFields()
            for (name, value) in headers { if let name = HTTPField.Name(name) { fields[name] = value } }
            return Response(status: .init(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        case .events(let pieces, let pause, let status):
            var fields = HTTPFields()
            fields[.contentType] = "text/event-stream"
            return Response(status: .init(code: status), headers: fields, body: ResponseBody { writer in
                // A client that stops reading, or a server shutting down, ends the loop; the writer is
                // always finished so the connection is closed cleanly.
                for piece in pieces {
                    do {
                        try await writer.write(ByteBuffer(string: piece))
                        try await Task.sleep(for: pause)
                    } catch {
                        break
                    }
                }
                try await writer.finish(nil)
            })
        case .gated(let first, let gate, let rest):
            var fields = HTTPFields()
            fields[.contentType] = "text/event-stream"
            return Response(status: .ok, headers: fields, body: ResponseBody { writer in
                do {
                    for piece in first { try await writer.write(ByteBuffer(string: piece)) }
                    await gate()
                    for piece in rest { try await writer.write(ByteBuffer(string: piece)) }
                } catch {}
                try await writer.finish(nil)
            })
        case .delayed(let delay, let then):
            try? await Task.sleep(for: delay)
            return await render(then)
        }
    }
}

/// The shared, lock-protected list of recorded requests.
final class RecordLog: Sendable {
    let storage = Mutex<[WireTestServer.Recorded]>([])

    func append(_ entry: WireTestServer.Recorded) -> Int {
        storage.withLock { list in
            list.append(entry)
            return list.count - 1
        }
    }
}
