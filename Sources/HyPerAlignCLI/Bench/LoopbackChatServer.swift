import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with one fixed chat completion, as
/// fast as NIO can: the upstream for measuring what the provider layer adds on top of plain HTTP.
struct LoopbackChatServer {
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    static let completionBody = """
        {"id":"chatcmpl-bench","object":"chat.completion","model":"bench",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Short version: the bench works."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}
        """

    static func start() async throws -> LoopbackChatServer {
        let body = completionBody
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FixedResponder(body: body))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackChatServer(channel: channel)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// Answers each complete request with the fixed body, keeping the connection alive.
final class FixedResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let body: String
    private var keepAlive = true

    init(body: String) { self.body = body }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.utf8.count))
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
            let keepAlive = self.keepAlive
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { channel.close(promise: nil) }
            }
        }
    }
}
