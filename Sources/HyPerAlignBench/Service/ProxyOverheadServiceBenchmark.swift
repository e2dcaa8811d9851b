import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import HyPerAlignService
import HyPerAlignTesting
import Logging
import ProfileStorage
import SQLiteStorage

/// What `/v1/chat/completions` costs on top of its upstream, measured fairly with wrk: for each scenario
/// (a 100 ms upstream at 64 connections, an instant one at 64 and at 1) a warm-up, then direct, proxied
/// and proxied-with-personalization runs alternated `rounds` times, medians taken. The CPU the service
/// spends per proxied request is this process's CPU during a proxied run minus, per request, what the
/// in-process upstream alone used during the direct run beside it (wrk runs in its own process).
struct ProxyOverheadServiceBenchmark {
    var seconds = 5
    var rounds = 3
    var scenarios = [Scenario(upstreamDelayMilliseconds: 100, connections: 64),
                     Scenario(upstreamDelayMilliseconds: 0, connections: 64),
                     Scenario(upstreamDelayMilliseconds: 0, connections: 1)]

    struct Scenario: Sendable, Encodable {
        var upstreamDelayMilliseconds: Int
        var connections: Int
        var label: String { "upstream \(upstreamDelayMilliseconds) ms, c\(connections)" }
    }

    /// One measured run and the CPU this process used during it.
    struct Sample: Sendable, Encodable {
        var run: WrkRun
        var cpuMicroseconds: Double
        var systemCPUMicroseconds: Double
        var contextSwitches: Int
        var cpuPerRequestMicroseconds: Double { cpuMicroseconds / Double(max(1, run.requests)) }
        var systemCPUPerRequestMicroseconds: Double { systemCPUMicroseconds / Double(max(1, run.requests)) }
        var contextSwitchesPerRequest: Double { Double(contextSwitches) / Double(max(1, run.requests)) }
    }

    struct ScenarioResult: Sendable, Encodable {
        var scenario: Scenario
        var direct: [Sample]
        var proxied: [Sample]
        var personalized: [Sample]
        /// Median proxied req/s over median direct req/s.
        var throughputRatio: Double
        var personalizedThroughputRatio: Double
        /// Median p50 latency, proxied minus direct.
        var addedP50Milliseconds: Double
        var personalizedAddedP50Milliseconds: Double
        var addedP99Milliseconds: Double
        /// Median over rounds of the service's CPU per proxied request, and of its system part (system
        /// calls, thread wake-ups), and the service's context switches per request.
        var cpuPerProxiedRequestMicroseconds: Double
        var cpuPerPersonalizedRequestMicroseconds: Double
        var systemCPUPerProxiedRequestMicroseconds: Double
        var contextSwitchesPerProxiedRequest: Double
        /// Non-2xx answers and socket errors over all runs (any is a failure of the measurement).
        var non2xx: Int
        var socketErrors: Int
    }

    struct Result: Sendable, Encodable {
        var seconds: Int
        var rounds: Int
        var scenarios: [ScenarioResult]
        /// Lines the service wrote to its access log (info level, as `hyperalign serve` logs) during the
        /// benchmark, beside the proxied requests wrk counted: the access log was part of what was measured.
        var accessLogLines: Int
        var proxiedRequests: Int
    }

    /// Runs every scenario; the service logs at info level through `accessLog`'s sink, whose file is
    /// counted afterwards.
    func run(storePath: String, accessLog: (sink: LogSink, path: String)) async throws -> Result {
        let store = try SQLiteProfileStore(path: storePath)
        try await InProcessService.seedPersonalizedUser(store)
        var results: [ScenarioResult] = []
        for scenario in scenarios {
            BenchConsole.note("proxy: \(scenario.label) — warm-up, then \(rounds) alternated rounds of \(seconds) s runs…")
            results.append(try await measure(scenario, store: store))
        }
        accessLog.sink.flush()
        let lines = (try? Data(contentsOf: URL(fileURLWithPath: accessLog.path)))?.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } ?? 0
        let proxied = results.reduce(0) { total, result in
            total + (result.proxied + result.personalized).reduce(0) { $0 + $1.run.requests }
        }
        return Result(seconds: seconds, rounds: rounds, scenarios: results, accessLogLines: lines, proxiedRequests: proxied)
    }

    func measure(_ scenario: Scenario, store: SQLiteProfileStore) async throws -> ScenarioResult {
        let upstream = try await ChatUpstreamServer.start(.fixed(latency: .milliseconds(scenario.upstreamDelayMilliseconds)))
        defer { Task { await upstream.stop() } }
        let direct = "http://127.0.0.1:\(upstream.port)/v1/chat/completions"
        let plain = #"{"model":"bench","messages":[{"role":"user","content":"Write a short note to the team."}]}"#
        let personal = #"{"model":"bench","user":"ann","messages":[{"role":"user","content":"Write a short note to the team."}]}"#
        let (seconds, rounds, connections) = (self.seconds, self.rounds, scenario.connections)
        return try await InProcessService.run(
            store: store, upstreamBaseURL: "http://127.0.0.1:\(upstream.port)/v1", logLevel: .info
        ) { service in
            let proxy = service.baseURL + "/v1/chat/completions"
            func sample(_ label: String, _ url: String, _ body: String, key: String?, seconds: Int) async throws -> Sample {
                let before = ProcessCPUTime.now
                let run = try await WrkRun.run(label: label, url: url, body: body, apiKey: key, connections: connections, seconds: seconds)
                let used = ProcessCPUTime.now - before
                return Sample(
                    run: run, cpuMicroseconds: used.microseconds, systemCPUMicroseconds: used.systemMicroseconds,
                    contextSwitches: used.contextSwitches)
            }
            // The runs measure what they claim only if the plain body passes through and the personal one
            // is personalized.
            try await Self.checkPersonalization(url: proxy, key: service.key, plain: plain, personal: personal)
            // Warm-up: connections, pools, caches and the personalization rendering.
            _ = try await sample("warm-up direct", direct, plain, key: nil, seconds: 1)
            _ = try await sample("warm-up proxy", proxy, personal, key: service.key, seconds: 1)
            var (directs, proxied, personalized) = ([Sample](), [Sample](), [Sample]())
            for round in 1...rounds {
                directs.append(try await sample("direct #\(round)", direct, plain, key: nil, seconds: seconds))
                proxied.append(try await sample("proxy #\(round)", proxy, plain, key: service.key, seconds: seconds))
                personalized.append(try await sample("proxy personalized #\(round)", proxy, personal, key: service.key, seconds: seconds))
            }
            func median(_ values: [Double]) -> Double {
                let sorted = values.sorted()
                return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            }
            let directRate = median(directs.map(\.run.requestsPerSecond))
            let directP50 = median(directs.map(\.run.latencyP50Milliseconds))
            let cpu = { (samples: [Sample]) in
                median(zip(samples, directs).map { $0.cpuPerRequestMicroseconds - $1.cpuPerRequestMicroseconds })
            }
            let systemCPU = median(zip(proxied, directs).map { $0.systemCPUPerRequestMicroseconds - $1.systemCPUPerRequestMicroseconds })
            let switches = median(zip(proxied, directs).map { $0.contextSwitchesPerRequest - $1.contextSwitchesPerRequest })
            let all = directs + proxied + personalized
            return ScenarioResult(
                scenario: scenario, direct: directs, proxied: proxied, personalized: personalized,
                throughputRatio: median(proxied.map(\.run.requestsPerSecond)) / directRate,
                personalizedThroughputRatio: median(personalized.map(\.run.requestsPerSecond)) / directRate,
                addedP50Milliseconds: median(proxied.map(\.run.latencyP50Milliseconds)) - directP50,
                personalizedAddedP50Milliseconds: median(personalized.map(\.run.latencyP50Milliseconds)) - directP50,
                addedP99Milliseconds: median(proxied.map(\.run.latencyP99Milliseconds)) - median(directs.map(\.run.latencyP99Milliseconds)),
                cpuPerProxiedRequestMicroseconds: cpu(proxied), cpuPerPersonalizedRequestMicroseconds: cpu(personalized),
                systemCPUPerProxiedRequestMicroseconds: systemCPU, contextSwitchesPerProxiedRequest: switches,
                non2xx: all.reduce(0) { $0 + $1.run.non2xx }, socketErrors: all.reduce(0) { $0 + $1.run.socketErrors })
        }
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    /// One request of each body through the proxy: both must succeed, and only the personal one may be
    /// personalized.
    static func checkPersonalization(url: String, key: String, plain: String, personal: String) async throws {
        for (body, expected) in [(plain, "false"), (personal, "true")] {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            let personalized = response.headers.first(name: "X-HyPerAlign-Personalized")
            guard response.status.code == 200, personalized == expected else {
                throw Unexpected(description: "proxy check: \(body) answered \(response.status.code) with X-HyPerAlign-Personalized \(personalized ?? "absent"), expected 200 and \(expected)")
            }
        }
    }
}
