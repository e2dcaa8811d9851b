import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback chat upstream answering every request with one fixed completion after `delay` (zero: at
/// once), without holding a thread while it waits: a stand-in for a real model API's latency, so a proxy
/// benchmark sees many requests in flight as it would in production.
struct DelayedChatServer {
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    static func start(delay: Duration) async throws -> DelayedChatServer {
        let body = LoopbackChatServer.completionBody
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 1024)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(DelayedResponder(body: body, delay: .nanoseconds(nanoseconds)))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return DelayedChatServer(channel: channel)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// Answers each complete request with the fixed body after the delay, keeping the connection alive.
final class DelayedResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let body: String
    let delay: TimeAmount
    private var keepAlive = true

    init(body: String, delay: TimeAmount) {
        self.body = body
        self.delay = delay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            if delay.nanoseconds == 0 {
                respond(context)
            } else {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: delay) { handler.value.respond(bound.value) }
            }
        }
    }

    func respond(_ context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "x-request-id", value: "req_bench")
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
