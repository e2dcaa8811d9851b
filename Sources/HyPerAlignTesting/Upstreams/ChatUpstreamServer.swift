import NIOCore
import NIOHTTP1
import NIOPosix

/// A fast OpenAI-compatible chat upstream on 127.0.0.1, built on raw NIO so that it costs as little CPU as
/// possible: the stand-in model API of the benchmarks and of the service's load tests.
///
/// Every request is answered per its ``ChatUpstreamPlan``: one fixed completion at once, after a latency
/// (without holding a thread while waiting), or with faults injected on a fixed schedule, so a load run
/// knows exactly how many upstream faults it caused.
package struct ChatUpstreamServer: Sendable {
    let channel: any Channel
    /// Requests seen and faults injected so far.
    package let counters: UpstreamCounters
    /// The port it listens on.
    package var port: Int { channel.localAddress?.port ?? 0 }
    /// `http://127.0.0.1:PORT`.
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The completion every successful answer carries.
    package static let completionBody = """
        {"id":"chatcmpl-bench","object":"chat.completion","model":"bench",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Short version: the bench works."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}
        """

    /// Starts listening on a free port.
    package static func start(_ plan: ChatUpstreamPlan, backlog: Int32 = 1024) async throws -> ChatUpstreamServer {
        let counters = UpstreamCounters()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: backlog)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(UpstreamResponder(plan: plan, counters: counters))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ChatUpstreamServer(channel: channel, counters: counters)
    }

    /// Stops listening and closes the server socket.
    package func stop() async {
        try? await channel.close()
    }
}
