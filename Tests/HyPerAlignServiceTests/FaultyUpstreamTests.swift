import AsyncHTTPClient
import Foundation
import HyPerAlignTesting
import NIOCore
import NIOHTTP1
import ProfileStorage
import Testing

/// The fault-injecting upstream the load benchmark uses, behind the in-process service: exactly the
/// scheduled faults come back as errors, and the service stays healthy.
struct FaultyUpstreamTests {
    @Test func exactlyTheInjectedFaultsBecomeErrorAnswers() async throws {
        let upstream = try await ChatUpstreamServer.start(.faults(slowDelay: .milliseconds(20)))
        defer { Task { await upstream.stop() } }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let statuses: [Int]
        do {
            statuses = try await InProcessService.run(
                store: InMemoryProfileStore(), upstreamBaseURL: upstream.baseURL + "/v1", upstreamTimeout: .seconds(10)
            ) { service in
                var statuses: [Int] = []
                for _ in 0..<20 { statuses.append(try await Self.ask(service, client)) }
                return statuses
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        #expect(statuses.filter { $0 != 200 }.count == 4, "\(statuses)")  // 500, 429, 503 and the malformed body
        #expect(upstream.counters.snapshot.requests == 20)
        #expect(upstream.counters.snapshot.faults == 5)  // the four above and one slow answer
    }

    /// One proxied chat request; its HTTP status.
    static func ask(_ service: InProcessService.Handle, _ client: HTTPClient) async throws -> Int {
        var request = HTTPClientRequest(url: service.baseURL + "/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(service.key)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"model":"bench","messages":[{"role":"user","content":"hi"}]}"#))
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}
