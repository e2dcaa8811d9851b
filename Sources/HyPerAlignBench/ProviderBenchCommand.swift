import ArgumentParser
import AuthorshipData
import EmbeddedModel
import Foundation
import LanguageModels

/// `hyperalign-bench core`: performance figures of the library measured side by side in one run, printed
/// as ratios.
struct ProviderBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Measure provider-layer overhead, prompt economy and embedded throughput.",
        discussion: """
            overhead   — requests/s through the ChatModel protocol vs plain async-http-client (goal ≥ 0.95)
            economy    — prompt tokens of hyperalign vs few-shot on CCAT50 authors with 7 texts (goal ≤ 0.3)
            throughput — embedded tokens/s, 1 and 4 concurrent, managed server vs llama-server by hand (≈ 1)
            stylometry — MB/s featurized on one core over CCAT50 (goal ≥ 5; build with -c release)
            """)

    enum Part: String, ExpressibleByArgument, CaseIterable {
        case overhead, economy, throughput, stylometry
    }

    @Option(name: .customLong("only"), help: "Run only these parts (repeatable): overhead, economy, throughput, stylometry.")
    var parts: [Part] = Part.allCases

    @Option(help: "Data folder holding ccat50/ (default: $HYPERALIGN_DATA_DIR or ../shared/data).")
    var data: String?

    @Option(help: "CCAT50 authors for the prompt-economy benchmark.")
    var authors: Int = 3

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Report: Encodable {
        var overhead: ProviderOverheadBenchmark.Result?
        var economy: [PromptEconomyBenchmark.Row]?
        var economyMeanRatio: Double?
        var throughput: [EmbeddedThroughputBenchmark.Row]?
        var throughputServerArguments: [String]?
        var stylometry: StylometryThroughputBenchmark.Result?
    }

    func run() async throws {
        var report = Report()
        if parts.contains(.overhead) {
            note("overhead: 3 rounds × 1500 requests, 8 concurrent, against a loopback server…")
            let result = try await ProviderOverheadBenchmark().run()
            report.overhead = result
            note(String(format: "  ChatModel %.0f req/s vs plain async-http-client %.0f req/s → ratio %.3f",
                        result.layerRequestsPerSecond, result.plainRequestsPerSecond, result.ratio))
        }
        if parts.contains(.economy) {
            let directory = try DataDirectory.resolve(explicit: data)
            let benchmark = PromptEconomyBenchmark(dataDirectory: directory, authors: authors)
            let rows = try await EmbeddedModelServer.withServer(LlamaServerConfiguration()) { model, server in
                let cached = CachedChatModel(model, cache: try ResponseCache(directory: EmbeddedPaths().root.appendingPathComponent("responses")))
                return try await benchmark.run(model: cached, tokenizerURL: server.baseURL) { note("  " + $0) }
            }
            report.economy = rows
            report.economyMeanRatio = rows.map(\.ratio).reduce(0, +) / Double(max(rows.count, 1))
            for row in rows {
                note(String(format: "  %@: hyperalign %d tokens (%d hypotheses) vs few-shot %d → ratio %.3f",
                            row.author, row.hyperalignTokens, row.hypotheses, row.fewShotTokens, row.ratio))
            }
            note(String(format: "  mean ratio %.3f", report.economyMeanRatio ?? 0))
        }
        if parts.contains(.throughput) {
            note("throughput: managed llama-server vs the same flags by hand…")
            let (rows, arguments) = try await EmbeddedThroughputBenchmark().run()
            report.throughput = rows
            report.throughputServerArguments = arguments
            for row in rows {
                note(String(format: "  %d concurrent: managed %.1f tok/s vs by hand %.1f tok/s → ratio %.3f",
                            row.concurrency, row.managedTokensPerSecond, row.byHandTokensPerSecond, row.ratio))
            }
        }
        if parts.contains(.stylometry) {
            let directory = try DataDirectory.resolve(explicit: data)
            let result = try StylometryThroughputBenchmark(dataDirectory: directory).run()
            report.stylometry = result
            note(String(format: "stylometry: %.1f MB (%d texts) featurized at %.2f MB/s on one core", result.megabytes, result.texts, result.megabytesPerSecond))
        }
        if json { try BenchConsole.json(report) }
    }

    func note(_ text: String) {
        if json { BenchConsole.note(text) } else { BenchConsole.out(text) }
    }
}
