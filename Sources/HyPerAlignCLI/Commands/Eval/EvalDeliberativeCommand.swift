import ArgumentParser
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels

/// `hyperalign eval deliberative`: the deliberative-alignment benchmark (SPEC 2.2).
struct EvalDeliberativeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliberative",
        abstract: "Deliberative alignment: harmful compliance, refusals and helpfulness of baseline, hyperalign and deliberative answers.",
        discussion: """
            Harmful requests come from AdvBench, HarmBench, JailbreakBench and StrongREJECT, benign look-alikes \
            from XSTest's safe prompts; each is asked by a persona (bundled, or --personas DIR). Refusal is judged \
            by an LLM judge and by the standard refusal-phrase matcher.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var io: EvalDataOptions
    @OptionGroup var judge: JudgeOptions
    @Option(help: "Harmful requests (drawn evenly from the four sources).") var harmful: Int = 15
    @Option(help: "Benign requests (XSTest safe prompts).") var benign: Int = 15
    @Option(help: "Comma-separated systems: baseline, hyperalign, deliberative.") var systems: String = "baseline,hyperalign,deliberative"
    @Option(help: "The operator's safety policy file (default: the bundled example policy).") var policy: String?
    @Option(help: "Folder of persona JSON files (default: the bundled personas).") var personas: String?
    @Option(help: "Sampling seed for the requests.") var seed: UInt64 = 0xDE11
    @Option(name: .customLong("inference-max-tokens"), help: "Longest hypothesis-inference answer, in tokens (default: 1800; 300 on the embedded model). Lower it for a small model behind an OpenAI-compatible server.")
    var inferenceMaxTokens: Int?
    @Option(name: .customLong("max-tokens"), help: "Longest answer (default: 500; 250 on the embedded model).") var maxTokens: Int?

    func run() async throws {
        try await evaluate()
    }

    private func evaluate() async throws {
        let session = ModelSession(options: global)
        let embedded = try session.usesEmbeddedModel()
        let policyValue = try policy.map { try SafetyPolicy(contentsOf: URL(fileURLWithPath: $0)) } ?? SafetyPolicy.bundledDefault()
        let configuration = DeliberativeRunConfiguration(
            harmful: harmful, benign: benign,
            systems: try systems.split(separator: ",").map { name in
                guard let system = DeliberativeSystem(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw CLIFailure("unknown system '\(name)'; choose from baseline, hyperalign, deliberative", exitCode: .usage)
                }
                return system
            },
            seed: seed, policy: policyValue.origin)
        try configuration.validate()
        let people = try personas.map { try PersonaLibrary.load(URL(fileURLWithPath: $0, isDirectory: true)) } ?? PersonaLibrary.bundled()
        let requests = try SafetyRequestLoader(dataDirectory: try io.dataDirectory()).sample(harmful: harmful, benign: benign, seed: seed)
        let files = RunFiles(directory: io.runDirectory(default: "deliberative-\(harmful)h\(benign)b"))
        let prompts = try session.prompts()
        let judgePrompts = try session.prompts(JudgePrompt.self)
        var inference = try session.inferenceConfiguration(count: embedded ? 3 : 6)
        if embedded { inference.maxTokens = 300 }
        if let inferenceMaxTokens { inference.maxTokens = inferenceMaxTokens }
        let generation = try session.generationOptions(maxTokens: maxTokens ?? (embedded ? 250 : 500))
        let printer = ProgressPrinter(quiet: global.quiet)
        let ledger = session.ledger
        if !global.quiet { Console.note("run folder: \(files.directory.path)") }
        let summary = try await session.withModels(judge: judge) { model, judgeModel in
            try await DeliberativeEvaluation(
                model: model, judgeModel: judgeModel, prompts: prompts, judgePrompts: judgePrompts, configuration: configuration, policy: policyValue, personas: people,
                inference: inference, generation: generation, concurrency: global.slots, progress: printer.handler
            ).run(requests: requests, in: files, modelCalls: { ledger.total.calls })
        }
        if io.json { return try Console.json(summary) }
        Console.out(DeliberativeReport(summary: summary).markdown())
        Console.out("report: \(files.html.path)")
    }
}
