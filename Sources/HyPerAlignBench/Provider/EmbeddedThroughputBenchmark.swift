import AsyncHTTPClient
import ChildProcesses
import EmbeddedModel
import Foundation
import LanguageModels
import NIOCore
import NIOHTTP1

/// Generated tokens per second with 1 and 4 concurrent requests, through the CLI's managed server and
/// the provider layer, versus `llama-server` started by hand with the same flags and called with plain HTTP.
struct EmbeddedThroughputBenchmark {
    var maxTokens = 96
    var slots = 4

    struct Row: Encodable {
        var concurrency: Int
        var managedTokensPerSecond: Double
        var byHandTokensPerSecond: Double
        var ratio: Double
    }

    static let prompts = [
        "Describe a walk along a river in autumn.", "Explain how a bicycle gear works.",
        "Write a short note to a neighbour about a lost cat.", "List some facts about otters.",
    ]

    func run() async throws -> (rows: [Row], arguments: [String]) {
        let configuration = LlamaServerConfiguration(model: .smolLM2, slots: slots)
        var managed: [Int: Double] = [:]
        let arguments = try await EmbeddedModelServer.withServer(configuration) { model, server in
            _ = try await model.complete(request(Self.prompts[0], maxTokens: 8))
            for concurrency in [1, 4] {
                managed[concurrency] = try await tokensPerSecond(concurrency: concurrency) { prompt in
                    try await model.complete(request(prompt, maxTokens: maxTokens)).usage.completionTokens
                }
            }
            return server.arguments
        }
        let managedResults = managed
        return try await ByHandServer.withServer(arguments: arguments) { handStarted in
            _ = try await handStarted.complete(Self.prompts[0], maxTokens: 8)
            var rows: [Row] = []
            for concurrency in [1, 4] {
                let byHand = try await tokensPerSecond(concurrency: concurrency) { prompt in
                    try await handStarted.complete(prompt, maxTokens: maxTokens)
                }
                let managedRate = managedResults[concurrency] ?? 0
                rows.append(Row(concurrency: concurrency, managedTokensPerSecond: managedRate, byHandTokensPerSecond: byHand, ratio: managedRate / byHand))
            }
            return (rows, arguments)
        }
    }

    func request(_ prompt: String, maxTokens: Int) -> ChatRequest {
        ChatRequest(messages: [.user(prompt)], temperature: 0, maxTokens: maxTokens, seed: 1)
    }

    func tokensPerSecond(concurrency: Int, _ call: @escaping @Sendable (String) async throws -> Int) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let tokens = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<concurrency { group.addTask { try await call(Self.prompts[index % Self.prompts.count]) } }
            return try await group.reduce(0, +)
        }
        return Double(tokens) / (clock.now - start).seconds
    }
}

/// `llama-server` launched directly with given arguments (its port replaced), spoken to with plain HTTP.
struct ByHandServer: Sendable {
    let baseURL: String

    static func withServer<T: Sendable>(arguments: [String], body: (ByHandServer) async throws -> T) async throws -> T {
        let port = try LoopbackPort.free()
        var arguments = arguments
        if let index = arguments.firstIndex(of: "--port") { arguments[index + 1] = String(port) }
        let command = ChildCommand(EmbeddedPaths().serverBinary.path, arguments)
        return try await ChildProcess.withSupervised(command, logFile: "/dev/null") { child in
            let server = ByHandServer(baseURL: "http://127.0.0.1:\(port)")
            try await LlamaServerProcess.waitUntilHealthy(
                baseURL: server.baseURL, child: child, timeout: .seconds(60), client: LanguageModelHTTPClient.shared, logFile: nil)
            return try await body(server)
        }
    }

    func complete(_ prompt: String, maxTokens: Int) async throws -> Int {
        var request = HTTPClientRequest(url: baseURL + "/v1/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body: [String: Any] = [
            "model": "x", "messages": [["role": "user", "content": prompt]], "temperature": 0, "max_tokens": maxTokens, "seed": 1,
        ]
        request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        let response = try await LanguageModelHTTPClient.shared.execute(request, timeout: .seconds(300))
        let data = try await response.body.collect(upTo: 1 << 22)
        let json = try JSONSerialization.jsonObject(with: Data(data.readableBytesView)) as? [String: Any]
        return (json?["usage"] as? [String: Any])?["completion_tokens"] as? Int ?? 0
    }
}
