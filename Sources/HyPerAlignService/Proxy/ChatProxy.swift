import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import LanguageModels
import Logging
import NIOCore
import NIOHTTP1

/// Forwards a chat completion body to the OpenAI-compatible upstream and relays its answer: status,
/// body and useful headers as the upstream sent them, streamed events as they arrive.
///
/// Upstream 2xx and 4xx reach the client unchanged (an SDK shows the upstream's own error message and
/// does not retry a 400); 5xx and transport failures become the service's 502/503/504 gateway errors.
/// Each forwarded request holds a permit of the proxy's own ``PermitPool`` until its last byte is relayed.
struct ChatProxy: Sendable {
    let configuration: ChatProxyConfiguration
    let client: HTTPClient
    let permits: PermitPool
    let metrics: ServiceMetrics
    let logger: Logger
    /// What the HTTP client logs with: the service's logger when it writes debug lines, else none — the
    /// client gives each request a logger with its own metadata, a cost for lines nobody writes.
    let clientLogger: Logger?
    let url: String

    init(configuration: ChatProxyConfiguration, client: HTTPClient = ProxyHTTPClient.shared, metrics: ServiceMetrics, logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.permits = PermitPool(limit: max(1, configuration.maxConcurrentRequests))
        self.metrics = metrics
        self.logger = logger
        self.clientLogger = logger.logLevel <= .debug ? logger : nil
        self.url = configuration.baseURL + "/chat/completions"
    }

    /// Sends `body` upstream and answers with what came back, `headers` added.
    func forward(_ body: [UInt8], stream: Bool, personalized: Bool, headers extra: HTTPFields) async throws -> Response {
        let permit = try await permits.acquire()
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.reserveCapacity(4 + configuration.extraHeaders.count)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: stream ? "text/event-stream" : "application/json")
        if let key = configuration.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in configuration.extraHeaders { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let deadline = NIODeadline.now() + .nanoseconds((stream ? configuration.streamTimeout : configuration.timeout).nanoseconds)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: deadline, logger: clientLogger)
        } catch {
            throw UpstreamFailure.transport(error)
        }
        let status = Int(response.status.code)
        if status >= 500 {
            let text = (try? await response.body.collect(upTo: 1 << 16)).map { String(buffer: $0) } ?? ""
            logger.warning("upstream failed", metadata: ["status": "\(status)", "body": "\(text.prefix(500))"])
            throw UpstreamFailure.status(status)
        }
        var fields = Self.relayedHeaders(response.headers)
        fields.append(contentsOf: extra)
        let isEventStream = response.headers.first(name: "content-type")?.lowercased().hasPrefix("text/event-stream") ?? false
        if (200..<300).contains(status), stream || isEventStream {
            return Response(status: .init(code: status), headers: fields, body: relay(response.body, permit: permit))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch {
            throw UpstreamFailure.transport(error)
        }
        permit.release()
        if (200..<300).contains(status) {
            guard let usage = Self.usage(in: buffer) else { throw UpstreamFailure.malformed }
            metrics.tokens(prompt: usage.prompt, completion: usage.completion, personalized: personalized)
        }
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: buffer))
    }

    /// Relays the upstream's event stream chunk by chunk, holding `permit` until it ends. A client that
    /// hangs up ends the loop, which drops the upstream body and so cancels the upstream request; an
    /// upstream that breaks off mid-stream gets an OpenAI-shaped `error` event.
    func relay(_ upstream: HTTPClientResponse.Body, permit: PermitPool.Permit) -> ResponseBody {
        let logger = logger
        return ResponseBody { writer in
            defer { permit.release() }
            var iterator = upstream.makeAsyncIterator()
            while true {
                let chunk: ByteBuffer?
                do {
                    chunk = try await iterator.next()
                } catch {
                    logger.warning("upstream stream broke off", metadata: ["error": "\(error)"])
                    let failure = (UpstreamFailure.transport(error) as? ServiceError) ?? UpstreamFailure.malformed
                    let event = ServiceError.ErrorBody(error: .init(
                        message: failure.message, type: failure.type, param: nil, code: failure.code))
                    var buffer = ByteBuffer(string: "data: ")
                    buffer.writeBytes((try? JSONEncoder().encode(event)) ?? Data())
                    buffer.writeString("\n\n")
                    try? await writer.write(buffer)
                    break
                }
                guard let chunk else { break }
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
    }

    /// The upstream headers a client can use: content type, request ids, rate-limit state, retry hints,
    /// OpenAI's processing metadata. Hop-by-hop and length headers are the service's own.
    static func relayedHeaders(_ headers: HTTPHeaders) -> HTTPFields {
        var fields = HTTPFields()
        for header in headers {
            let name = header.name.lowercased()
            let relayed = name == "content-type" || name == "x-request-id" || name == "request-id"
                || name == "retry-after" || name == "retry-after-ms" || name.hasPrefix("x-ratelimit-")
                || name.hasPrefix("openai-")
            if relayed, let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: header.value)) }
        }
        if fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return fields
    }

    /// `usage` of a chat completion (zeros when absent); nil when the body is not one JSON object.
    static func usage(in buffer: ByteBuffer) -> (prompt: Int, completion: Int)? {
        buffer.withUnsafeReadableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var scanner = JSONScanner(bytes)
            var usage = (prompt: 0, completion: 0)
            do {
                guard try scanner.peek() == UInt8(ascii: "{") else { return nil }
                try scanner.forEachMember { scanner, key in
                    guard scanner.matches(key, "usage"), try scanner.peek() == UInt8(ascii: "{") else {
                        try scanner.skipValue(depth: 1)
                        return
                    }
                    try scanner.forEachMember(depth: 1) { scanner, key in
                        let value = try scanner.skipValue(depth: 2)
                        if scanner.matches(key, "prompt_tokens") { usage.prompt = scanner.integer(value) ?? 0 }
                        if scanner.matches(key, "completion_tokens") { usage.completion = scanner.integer(value) ?? 0 }
                    }
                }
                try scanner.expectEnd()
            } catch {
                return nil
            }
            return usage
        }
    }
}
