import AsyncHTTPClient
import Foundation
import HyPerAlignTesting
import HyPerAlign
import NIOCore
import NIOHTTP1
import ProfileStorage
import SQLiteStorage

/// A bounded wrk load through the proxy while the upstream injects faults on a schedule (25%: 500, 429,
/// 503, malformed, too slow) and writers edit one user's hypotheses through the API at the same time.
/// Checks: the service survives (health answers afterwards), every acknowledged edit is stored, and the
/// share of error answers equals the share of injected faults.
struct FaultLoadBenchmark {
    var seconds = 10
    var connections = 16
    var edits = 200

    struct Result: Sendable, Encodable {
        var run: WrkRun
        var upstreamRequests: Int
        var injectedFaults: Int
        var injectedFaultRate: Double
        var errorRate: Double
        var editsAcknowledged: Int
        var editsStored: Int
        var lostEdits: Int
        var healthyAfterwards: Bool
    }

    func run(storePath: String) async throws -> Result {
        let upstream = try await ChatUpstreamServer.start(.faults(slowDelay: .milliseconds(1500)))
        defer { Task { await upstream.stop() } }
        let store = try SQLiteProfileStore(path: storePath)
        try await InProcessService.seedPersonalizedUser(store)
        let body = #"{"model":"bench","user":"ann","messages":[{"role":"user","content":"Write a short note to the team."}]}"#
        let (seconds, connections, edits) = (self.seconds, self.connections, self.edits)
        return try await InProcessService.run(
            store: store, upstreamBaseURL: "http://127.0.0.1:\(upstream.port)/v1", upstreamTimeout: .seconds(1)
        ) { service in
            let client = HTTPClient.shared
            async let load = WrkRun.run(
                label: "proxy with faults c\(connections)", url: service.baseURL + "/v1/chat/completions",
                body: body, apiKey: service.key, connections: connections, seconds: seconds)
            let acknowledged = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var ok = 0
                        for index in stride(from: writer, to: edits, by: 4) {
                            let status = try await Self.send(
                                client, .PATCH, service.baseURL + "/v1/users/ann/hypotheses", key: service.key,
                                body: #"{"edits": [{"op": "add", "category": "style", "statement": "Load edit \#(index)."}]}"#)
                            if status == 200 { ok += 1 }
                        }
                        return ok
                    }
                }
                return try await group.reduce(0, +)
            }
            let run = try await load
            let stored = try await store.hypothesisSet(for: "ann", tenant: "bench")?.hypotheses
                .filter { $0.statement.hasPrefix("Load edit ") }.count ?? 0
            let healthy = try await Self.send(client, .GET, service.baseURL + "/health", key: nil, body: nil) == 200
            let counts = upstream.counters.snapshot
            return Result(
                run: run, upstreamRequests: counts.requests, injectedFaults: counts.faults,
                injectedFaultRate: Double(counts.faults) / Double(max(1, counts.requests)),
                errorRate: Double(run.non2xx) / Double(max(1, run.requests)),
                editsAcknowledged: acknowledged, editsStored: stored, lostEdits: acknowledged - stored, healthyAfterwards: healthy)
        }
    }

    static func send(_ client: HTTPClient, _ method: HTTPMethod, _ url: String, key: String?, body: String?) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 22)
        return Int(response.status.code)
    }
}
