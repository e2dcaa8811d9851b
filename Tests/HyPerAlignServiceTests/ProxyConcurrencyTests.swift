import AsyncHTTPClient
import Foundation
import HTTPTypes
import HyPerAlignService
import LanguageModels
import NIOCore
import NIOHTTP1
import Synchronization
import Testing
import HyPerAlignTesting

/// Proxied traffic is limited only by the proxy's own permit pool, not by the model's slot count.
struct ProxyConcurrencyTests {
    /// Holds every upstream request until `expected` are in flight at once, then answers them all.
    final class Barrier: Sendable {
        let expected: Int
        let state = Mutex((arrived: 0, waiting: [CheckedContinuation<Void, Never>]()))
        init(expected: Int) { self.expected = expected }

        func arrive() async {
            await withCheckedContinuation { continuation in
                let release = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                    state.arrived += 1
                    state.waiting.append(continuation)
                    guard state.arrived >= expected else { return [] }
                    defer { state.waiting.removeAll() }
                    return state.waiting
                }
                for waiter in release { waiter.resume() }
            }
        }
    }

    @Test func manyRequestsAreInFlightUpstreamAtOnce() async throws {
        let count = 24
        let barrier = Barrier(expected: count)
        try await WireTestServer.withServer(handler: { _, _ in
            await barrier.arrive()
            return OpenAIUpstream.completion("together")
        }) { upstream in
            // The provider model allows 4 at once; the proxy must not inherit that.
            var model = OpenAIUpstream.model(upstream, timeout: .seconds(30)).configuration
            model.maxConcurrentRequests = 4
            try await ServiceHarness.run(model: OpenAICompatibleModel(configuration: model)) { harness in
                // A client with room for all of them at once (the test client has one connection).
                var configuration = HTTPClient.Configuration()
                configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = count
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
                let url = "http://127.0.0.1:\(harness.port)/v1/chat/completions"
                let key = harness.keyA
                let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                    for _ in 0..<count {
                        group.addTask {
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(key)")
                            request.body = .bytes(ByteBuffer(string: ChatCompletionTests.hello))
                            let response = try await client.execute(request, timeout: .seconds(60))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            return response.status.code
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                try await client.shutdown()
                #expect(statuses == Array(repeating: 200, count: count))
            }
        }
    }

    @Test func aStreamHoldsItsPermitUntilItEnds() async throws {
        let events = [
            #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}]}"# + "\n\n",
            "data: [DONE]\n\n",
        ]
        let (opened, openedContinuation) = AsyncStream.makeStream(of: Void.self)
        let reply = WireTestServer.Reply.gated(first: [events[0]], gate: { for await _ in opened { break } }, rest: [events[1]])
        try await WireTestServer.withServer(handler: { _, _ in reply }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                #expect(harness.service.proxyUsage?.inUse == 0)
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(harness.port)/v1/chat/completions")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(harness.keyA)")
                request.body = .bytes(ByteBuffer(string: #"{"model": "m", "stream": true, "messages": [{"role": "user", "content": "go"}]}"#))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                #expect(response.status.code == 200)
                var iterator = response.body.makeAsyncIterator()
                let first = try await iterator.next()
                #expect(first.map { String(buffer: $0) } == events[0])
                // Mid-stream (the upstream waits for the gate): the stream holds its permit.
                #expect(harness.service.proxyUsage?.inUse == 1)
                openedContinuation.yield()
                var rest = ""
                while let chunk = try await iterator.next() { rest += String(buffer: chunk) }
                #expect(rest == events[1])
                // Released when the relay finishes, right after the last byte: yield until it has.
                for _ in 0..<1000 where harness.service.proxyUsage?.inUse != 0 { try await Task.sleep(for: .milliseconds(2)) }
                #expect(harness.service.proxyUsage?.inUse == 0)
            }
        }
    }
}
