import Foundation
import ProfileStorage

/// What `/v1/chat/completions` adds on top of a fast loopback upstream, measured side by side with wrk:
/// latency at one connection (added p50/p99), throughput at many (ratio to direct).
struct ProxyOverheadServiceBenchmark {
    var latencySeconds = 5
    var throughputSeconds = 5
    var connections = 16

    struct Result: Sendable, Encodable {
        var runs: [WrkRun]
        var addedP50Milliseconds: Double
        var addedP99Milliseconds: Double
        var personalizedAddedP50Milliseconds: Double
        var throughputRatio: Double
        var personalizedThroughputRatio: Double
    }

    func run(storePath: String) async throws -> Result {
        let upstream = try await LoopbackChatServer.start()
        defer { Task { await upstream.stop() } }
        let store = try SQLiteProfileStore(path: storePath)
        try await InProcessService.seedPersonalizedUser(store)
        let direct = "http://127.0.0.1:\(upstream.port)/v1/chat/completions"
        let plain = #"{"model":"bench","messages":[{"role":"user","content":"Write a short note to the team."}]}"#
        let personal = #"{"model":"bench","user":"ann","messages":[{"role":"user","content":"Write a short note to the team."}]}"#
        let latency = latencySeconds
        let throughput = throughputSeconds
        let connections = self.connections
        return try await InProcessService.run(store: store, upstreamBaseURL: "http://127.0.0.1:\(upstream.port)/v1") { service in
            let proxy = service.baseURL + "/v1/chat/completions"
            // Interleaved, so drift on a shared machine hits both sides alike.
            let runs = try await Self.offPool {
                [
                    try WrkRun.run(label: "direct c1", url: direct, body: plain, apiKey: nil, connections: 1, seconds: latency),
                    try WrkRun.run(label: "proxy c1", url: proxy, body: plain, apiKey: service.key, connections: 1, seconds: latency),
                    try WrkRun.run(label: "proxy personalized c1", url: proxy, body: personal, apiKey: service.key, connections: 1, seconds: latency),
                    try WrkRun.run(label: "direct c\(connections)", url: direct, body: plain, apiKey: nil, connections: connections, seconds: throughput),
                    try WrkRun.run(label: "proxy c\(connections)", url: proxy, body: plain, apiKey: service.key, connections: connections, seconds: throughput),
                    try WrkRun.run(label: "proxy personalized c\(connections)", url: proxy, body: personal, apiKey: service.key, connections: connections, seconds: throughput),
                ]
            }
            return Result(
                runs: runs,
                addedP50Milliseconds: runs[1].latencyP50Milliseconds - runs[0].latencyP50Milliseconds,
                addedP99Milliseconds: runs[1].latencyP99Milliseconds - runs[0].latencyP99Milliseconds,
                personalizedAddedP50Milliseconds: runs[2].latencyP50Milliseconds - runs[0].latencyP50Milliseconds,
                throughputRatio: runs[4].requestsPerSecond / runs[3].requestsPerSecond,
                personalizedThroughputRatio: runs[5].requestsPerSecond / runs[3].requestsPerSecond)
        }
    }

    /// Runs blocking work (waiting for wrk) off the cooperative pool, so the in-process service keeps serving.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Swift.Result { try work() }) }
        }
    }
}
