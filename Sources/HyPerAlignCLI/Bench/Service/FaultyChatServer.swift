import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A fast loopback chat upstream that injects faults on a fixed schedule (every 20 requests: one 500,
/// one 429, one 503, one malformed body, one too slow), so a load run knows exactly how many upstream
/// faults it caused and can compare the service's error count with it.
struct FaultyChatServer {
    let channel: any Channel
    let counters: Counters
    var port: Int { channel.localAddress?.port ?? 0 }

    /// What request number `index` gets.
    enum Fault: Sendable {
        case none, status(Int), malformed, slow

        static func scheduled(_ index: Int, slowDelay: Duration) -> Fault {
            switch index % 20 {
            case 3: .status(500)
            case 7: .status(429)
            case 11: .status(503)
            case 15: .malformed
            case 19: .slow
            default: .none
            }
        }
    }

    /// Requests seen and faults injected, shared by all connections.
    final class Counters: Sendable {
        let state = Mutex((requests: 0, faults: 0))
        func next() -> Int {
            state.withLock { state in
                state.requests += 1
                return state.requests
            }
        }
        func fault() { state.withLock { $0.faults += 1 } }
        var snapshot: (requests: Int, faults: Int) { state.withLock { $0 } }
    }

    static func start(slowDelay: Duration) async throws -> FaultyChatServer {
        let counters = Counters()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(FaultyResponder(counters: counters, slowDelay: slowDelay))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FaultyChatServer(channel: channel, counters: counters)
    }

    func stop() async { try? await channel.close() }
}

/// Answers each request per the fault schedule.
final class FaultyResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let counters: FaultyChatServer.Counters
    let slowDelay: Duration

    init(counters: FaultyChatServer.Counters, slowDelay: Duration) {
        self.counters = counters
        self.slowDelay = slowDelay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        let fault = FaultyChatServer.Fault.scheduled(counters.next(), slowDelay: slowDelay)
        var status = HTTPResponseStatus.ok
        var body = LoopbackChatServer.completionBody
        switch fault {
        case .none: break
        case .status(let code):
            status = HTTPResponseStatus(statusCode: code)
            body = #"{"error":{"message":"injected fault","type":"server_error"}}"#
        case .malformed: body = "{not json"
        case .slow: break
        }
        if case .none = fault {} else { counters.fault() }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
        let buffer = context.channel.allocator.buffer(string: body)
        let write = { [self] (context: ChannelHandlerContext) in
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        if case .slow = fault {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .nanoseconds(Int64(slowDelay.components.seconds * 1_000_000_000
                + slowDelay.components.attoseconds / 1_000_000_000))) {
                write(loopBound.value)
            }
        } else {
            write(context)
        }
    }
}
