import NIOCore
import NIOHTTP1

/// Answers each complete request per the plan, keeping the connection alive unless the client asked
/// otherwise, and never blocking the event loop while an answer is delayed.
final class UpstreamResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let plan: ChatUpstreamPlan
    let counters: UpstreamCounters
    private var keepAlive = true

    init(plan: ChatUpstreamPlan, counters: UpstreamCounters) {
        self.plan = plan
        self.counters = counters
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            keepAlive = head.isKeepAlive
        case .body:
            break
        case .end:
            let answer = plan.answer(counters.next())
            if answer.isFault { counters.fault() }
            if answer.delay == .zero {
                respond(answer, context: context)
            } else {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: TimeAmount(answer.delay)) { handler.value.respond(answer, context: bound.value) }
            }
        }
    }

    private func respond(_ answer: UpstreamAnswer, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(answer.body.utf8.count))
        headers.add(name: "x-request-id", value: "req_bench")
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: answer.body)))), promise: nil)
        let keepAlive = self.keepAlive
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
