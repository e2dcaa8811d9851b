import ArgumentParser
import Foundation
import HyPerAlignService
import Logging
import PostgresStorage

/// `hyperalign-bench service`: the service's benchmarks — proxy overhead vs direct upstream, profile lookup
/// among a million users (SQLite and PostgreSQL), and a wrk load with injected upstream faults. Release
/// builds only: a debug build's numbers say nothing about the service.
struct ServiceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Benchmark the service: proxy overhead, profile lookup at 1M users, load with upstream faults (needs wrk).")

    enum Part: String, ExpressibleByArgument, CaseIterable {
        case proxy, lookup, faults
    }

    @Option(name: .customLong("part"), help: "proxy, lookup or faults (repeatable; default: all).") var parts: [Part] = Part.allCases
    @Option(help: "Users seeded for the lookup benchmark.") var users = 1_000_000
    @Option(help: "PostgreSQL server for the lookup benchmark (default: $HYPERALIGN_TEST_POSTGRES_URL; a fresh database is made and dropped).")
    var postgres: String?
    @Option(help: "Seconds per wrk run.") var seconds = 5
    @Option(help: "Alternated direct/proxied rounds per proxy scenario (medians are reported).") var rounds = 3
    @Option(help: "Proxy scenarios as DELAY_MS:CONNECTIONS, comma-separated (default: 100:64,0:64,0:1).")
    var scenarios: String = "100:64,0:64,0:1"
    @Flag(name: .customLong("event-loop-executor"), help: "Run Swift concurrency on the event loops, as `serve --event-loop-executor` does (for an A/B comparison with the default cooperative pool).")
    var eventLoopExecutor = false
    @Flag(help: "Print the results as JSON.") var json = false

    /// `--scenarios` parsed.
    var proxyScenarios: [ProxyOverheadServiceBenchmark.Scenario] {
        get throws {
            try scenarios.split(separator: ",").map { item in
                let parts = item.split(separator: ":").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let delay = parts[0], let connections = parts[1], delay >= 0, connections >= 1 else {
                    throw ValidationError("--scenarios: '\(item)' is not DELAY_MS:CONNECTIONS (e.g. 100:64)")
                }
                return .init(upstreamDelayMilliseconds: delay, connections: connections)
            }
        }
    }

    struct Report: Encodable {
        var proxy: ProxyOverheadServiceBenchmark.Result?
        var lookup: [ProfileLookupBenchmark.Result] = []
        var faults: FaultLoadBenchmark.Result?
    }

    func validate() throws {
        guard seconds >= 1, rounds >= 1 else { throw ValidationError("--seconds and --rounds must be at least 1") }
        guard try !proxyScenarios.isEmpty else { throw ValidationError("--scenarios names no scenario") }
    }

    func run() async throws {
        #if DEBUG
        BenchConsole.note(
            "error: the service benchmark measures a release build only: swift build -c release --product hyperalign-bench, then .build/release/hyperalign-bench service")
        throw ExitCode(64)
        #else
        // As `hyperalign serve` runs: Swift concurrency on its cooperative pool (or the event loops), text log lines through a LogSink
        // (here into a file in the run's folder, where the proxy benchmark's access lines go).
        if eventLoopExecutor { EventLoopConcurrency.install() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hyperalign-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let logPath = directory.appendingPathComponent("service.log").path
        let logFile = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard logFile >= 0 else { throw BenchFailure("cannot open \(logPath)") }
        let sink = LogSink(fileDescriptor: logFile)
        LoggingSystem.bootstrap { label in TextLogHandler(label: label, sink: sink) }
        var report = Report()
        if parts.contains(.proxy) {
            note("proxy overhead: wrk against the upstream and through /v1/chat/completions, interleaved; Swift concurrency on \(eventLoopExecutor ? "the event loops (serve --event-loop-executor)" : "its cooperative pool (as serve runs)")…")
            report.proxy = try await ProxyOverheadServiceBenchmark(seconds: seconds, rounds: rounds, scenarios: try proxyScenarios)
                .run(storePath: directory.appendingPathComponent("proxy.sqlite").path, accessLog: (sink, logPath))
        }
        if parts.contains(.lookup) {
            let benchmark = ProfileLookupBenchmark(userCount: users)
            note("profile lookup: seeding \(users) users in SQLite…")
            report.lookup.append(try await benchmark.sqlite(path: directory.appendingPathComponent("lookup.sqlite").path))
            if let url = postgres ?? ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"] {
                note("profile lookup: seeding \(users) users in PostgreSQL…")
                report.lookup.append(try await benchmark.postgres(try PostgresStoreConfiguration(url: url)))
            } else {
                note("profile lookup: no PostgreSQL (--postgres URL or $HYPERALIGN_TEST_POSTGRES_URL); skipped")
            }
        }
        if parts.contains(.faults) {
            note("load with injected upstream faults (25%) and concurrent edits…")
            report.faults = try await FaultLoadBenchmark(seconds: max(seconds, 5))
                .run(storePath: directory.appendingPathComponent("faults.sqlite").path)
        }
        if json { return try BenchConsole.json(report) }
        print(report)
        #endif
    }

    func print(_ report: Report) {
        func f(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
        if let proxy = report.proxy {
            BenchConsole.out("proxy overhead (wrk, one thread; medians of \(proxy.rounds) alternated rounds of \(proxy.seconds) s; access log on: \(proxy.accessLogLines) lines for \(proxy.proxiedRequests) proxied requests)")
            for result in proxy.scenarios {
                func median(_ samples: [ProxyOverheadServiceBenchmark.Sample], _ value: (WrkRun) -> Double) -> Double {
                    let sorted = samples.map { value($0.run) }.sorted()
                    return sorted[sorted.count / 2]
                }
                BenchConsole.out("  \(result.scenario.label)")
                for (name, samples) in [("direct", result.direct), ("proxied", result.proxied), ("personalized", result.personalized)] {
                    BenchConsole.out("    \(name.padding(toLength: 13, withPad: " ", startingAt: 0)) \(f(median(samples, \.requestsPerSecond), 0)) req/s  p50 \(f(median(samples, \.latencyP50Milliseconds), 3)) ms  p99 \(f(median(samples, \.latencyP99Milliseconds), 3)) ms")
                }
                BenchConsole.out("    throughput vs direct \(f(result.throughputRatio, 3)) (personalized \(f(result.personalizedThroughputRatio, 3))); added p50 \(f(result.addedP50Milliseconds, 3)) ms (personalized \(f(result.personalizedAddedP50Milliseconds, 3)) ms), p99 \(f(result.addedP99Milliseconds, 3)) ms")
                BenchConsole.out("    service CPU per proxied request \(f(result.cpuPerProxiedRequestMicroseconds, 0)) µs, \(f(result.systemCPUPerProxiedRequestMicroseconds, 0)) µs of it system, \(f(result.contextSwitchesPerProxiedRequest, 1)) context switches (personalized \(f(result.cpuPerPersonalizedRequestMicroseconds, 0)) µs); non-2xx \(result.non2xx), socket errors \(result.socketErrors)")
                if result.non2xx + result.socketErrors > 0 {
                    BenchConsole.out("    INVALID: \(result.non2xx) non-2xx answers and \(result.socketErrors) socket errors — these figures do not measure the proxy")
                }
            }
        }
        for lookup in report.lookup {
            BenchConsole.out("profile lookup, \(lookup.store), \(lookup.users) users (seeded in \(f(lookup.seedSeconds, 1)) s): p50 \(f(lookup.p50Microseconds, 0)) µs, p99 \(f(lookup.p99Microseconds, 0)) µs over \(lookup.lookups) lookups")
        }
        if let faults = report.faults {
            BenchConsole.out("load with faults: \(faults.run.requests) requests, \(f(faults.run.requestsPerSecond, 0)) req/s, p99 \(f(faults.run.latencyP99Milliseconds, 1)) ms")
            BenchConsole.out("  injected faults \(faults.injectedFaults)/\(faults.upstreamRequests) (\(f(faults.injectedFaultRate * 100, 1))%), error answers \(faults.run.non2xx)/\(faults.run.requests) (\(f(faults.errorRate * 100, 1))%), socket errors \(faults.run.socketErrors)")
            BenchConsole.out("  edits acknowledged \(faults.editsAcknowledged), stored \(faults.editsStored), lost \(faults.lostEdits); healthy afterwards: \(faults.healthyAfterwards)")
        }
    }

    func note(_ text: String) { BenchConsole.note(text) }
}
