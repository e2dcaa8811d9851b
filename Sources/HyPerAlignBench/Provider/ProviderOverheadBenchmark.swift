import AsyncHTTPClient
import Foundation
import HyPerAlignTesting
import LanguageModels
import NIOCore
import NIOHTTP1

/// Requests per second through the ``ChatModel`` protocol (encode, retry wrapper, limiter, decode) versus
/// plain async-http-client against the same loopback server, interleaved in rounds so drift hits both.
struct ProviderOverheadBenchmark {
    var requestsPerRound = 1500
    var rounds = 3
    var concurrency = 8

    struct Result: Encodable {
        var layerRequestsPerSecond: Double
        var plainRequestsPerSecond: Double
        var ratio: Double
        var requests: Int
        var concurrency: Int
    }

    func run() async throws -> Result {
        let server = try await ChatUpstreamServer.start(.fixed(latency: .zero))
        defer { Task { await server.stop() } }
        let url = "http://127.0.0.1:\(server.port)/v1"
        let model = OpenAICompatibleModel(configuration: OpenAICompatibleConfiguration(
            baseURL: url, apiKey: "bench", model: "bench", maxConcurrentRequests: concurrency))
        let request = ChatRequest(messages: [.system("You are terse."), .user("Say something short.")], temperature: 0, maxTokens: 16)
        let body = String(decoding: try JSONEncoder().encode(["model": "bench", "prompt": "Say something short."]), as: UTF8.self)

        let layer: @Sendable () async throws -> Void = { _ = try await model.complete(request) }
        let plain: @Sendable () async throws -> Void = {
            var http = HTTPClientRequest(url: url + "/chat/completions")
            http.method = .POST
            http.headers.add(name: "Content-Type", value: "application/json")
            http.headers.add(name: "Authorization", value: "Bearer bench")
            http.body = .bytes(ByteBuffer(string: body))
            let response = try await LanguageModelHTTPClient.shared.execute(http, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 20)
        }
        _ = try await measure(layer, count: 200)
        _ = try await measure(plain, count: 200)
        var layerTime = Duration.zero
        var plainTime = Duration.zero
        for _ in 0..<rounds {
            layerTime += try await measure(layer, count: requestsPerRound)
            plainTime += try await measure(plain, count: requestsPerRound)
        }
        let total = Double(requestsPerRound * rounds)
        let layerRate = total / layerTime.seconds
        let plainRate = total / plainTime.seconds
        return Result(
            layerRequestsPerSecond: layerRate, plainRequestsPerSecond: plainRate, ratio: layerRate / plainRate,
            requests: requestsPerRound * rounds, concurrency: concurrency)
    }

    private func measure(_ call: @escaping @Sendable () async throws -> Void, count: Int) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let perWorker = count / concurrency
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask { for _ in 0..<perWorker { try await call() } }
            }
            try await group.waitForAll()
        }
        return clock.now - start
    }
}
