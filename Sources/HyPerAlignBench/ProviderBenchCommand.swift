import ArgumentParser
import AuthorshipData
import EmbeddedModel
import Foundation
import HyPerAlign
import LanguageModels
import Providers

/// `hyperalign-bench core`: performance figures of the library measured side by side in one run, printed
/// as ratios.
struct ProviderBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core",
        abstract: "Measure provider-layer overhead, prompt economy and embedded throughput.",
        discussion: """
            overhead   — requests/s through the ChatModel protocol vs plain async-http-client (goal ≥ 0.95)
            economy    — prompt tokens of hyperalign vs few-shot on CCAT50 authors with 7 texts, on --provider/--model
                         (goal ≤ 0.3), with the one-off inference's tokens and the break-even request count
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

    @Option(help: "Provider of the prompt-economy part: embedded, openai or anthropic (default: config file, else embedded).")
    var provider: ProviderKind?

    @Option(help: "Model of the prompt-economy part.")
    var model: String?

    @Option(name: .customLong("base-url"), help: "Base URL of the prompt-economy part's provider.")
    var baseURL: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Report: Encodable {
        var overhead: ProviderOverheadBenchmark.Result?
        var economy: [PromptEconomyBenchmark.Row]?
        var economyMeanRatio: Double?
        var economyModel: String?
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
            let choice = try ProviderChoice.resolve(
                ProviderRequest(provider: provider, model: model, baseURL: baseURL), file: try ProviderConfigFile.load(explicit: nil),
                environment: ProcessInfo.processInfo.environment)
            let inference = InferenceConfiguration(hypothesisCount: 8, smallModelConstraints: choice.isEmbedded)
            let cache = try ResponseCache(directory: EmbeddedPaths().root.appendingPathComponent("responses"))
            let progress: @Sendable (String) -> Void = { [json] line in if json { BenchConsole.note("  " + line) } else { BenchConsole.out("  " + line) } }
            let rows: [PromptEconomyBenchmark.Row]
            switch choice {
            case .embedded(let configuration):
                rows = try await EmbeddedModelServer.withServer(configuration) { model, _ in
                    try await benchmark.run(model: CachedChatModel(model, cache: cache), inference: inference, progress: progress)
                }
                report.economyModel = configuration.model.name
            case .openai(let configuration):
                rows = try await benchmark.run(
                    model: CachedChatModel(OpenAICompatibleModel(configuration: configuration), cache: cache), inference: inference, progress: progress)
                report.economyModel = configuration.model.rawValue
            case .anthropic(let configuration):
                rows = try await benchmark.run(
                    model: CachedChatModel(AnthropicModel(configuration: configuration), cache: cache), inference: inference, progress: progress)
                report.economyModel = configuration.model.rawValue
            }
            report.economy = rows
            report.economyMeanRatio = rows.map(\.ratio).reduce(0, +) / Double(max(rows.count, 1))
            for row in rows {
                note(String(format: "  %@: hyperalign %d prompt tokens (%d hypotheses) vs few-shot %d → ratio %.3f; inference once %d tokens; break-even after %@ requests",
                            row.author, row.hyperalignTokens, row.hypotheses, row.fewShotTokens, row.ratio, row.inferenceTokens,
                            row.breakEvenRequests.map(String.init) ?? "never"))
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
