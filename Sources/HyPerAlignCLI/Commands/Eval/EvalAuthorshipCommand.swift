import ArgumentParser
import AuthorshipData
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels

/// `hyperalign eval authorship`: the author-style emulation benchmark (SPEC 2.1).
struct EvalAuthorshipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorship",
        abstract: "Author-style emulation: systems against a baseline, judged by an LLM and by stylometry.",
        discussion: """
            Writes run.json, generations.jsonl, comparisons.jsonl (every judgement), summary.json, report.md, \
            report.html and winrate.svg to the run folder. Each judge's ground-truth accuracy (real text vs \
            another author's real text) is reported beside its results.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var io: EvalDataOptions
    @OptionGroup var judge: JudgeOptions
    @Option(help: "Data set: ccat50, cmcc or blogs.") var dataset: AuthorshipDataset = .ccat50
    @Option(help: "Number of authors (the first ones of the data set).") var authors: Int = 10
    @Option(name: .customLong("prompts-per-author"), help: "Test prompts per author.") var promptsPerAuthor: Int = 3
    @Option(name: .customLong("training-texts"), help: "Training texts per author.") var trainingTexts: Int = 7
    @Option(help: "Comma-separated systems: zero-shot, few-shot, hyperalign, hyperalign+examples, imported:FILE.jsonl.")
    var systems: String = "hyperalign,few-shot"
    @Option(help: "The system every other one is compared with.") var baseline: String = "zero-shot"
    @Option(help: "Comma-separated judges: llm, stylometric.") var judges: String = "llm,stylometric"
    @Option(name: .customLong("inference-max-tokens"), help: "Longest hypothesis-inference answer, in tokens (default: 1800; 400 on the embedded model). Lower it for a small model behind an OpenAI-compatible server.")
    var inferenceMaxTokens: Int?
    @Option(name: .customLong("max-tokens"), help: "Longest generated answer (default: 700; 300 on the embedded model).")
    var maxTokens: Int?
    @Option(name: .customLong("reference-tokens"), help: "Author texts shown to the LLM judge, in tokens (default: 3000; 1200 on the embedded model).")
    var referenceTokens: Int?
    @Option(name: .customLong("candidate-tokens"), help: "Each candidate shown to the LLM judge, in tokens (default: 900; 350 on the embedded model).")
    var candidateTokens: Int?

    func run() async throws {
        try await evaluate()
    }

    private func evaluate() async throws {
        let session = ModelSession(options: global)
        let embedded = try session.usesEmbeddedModel()
        let configuration = AuthorshipRunConfiguration(
            dataset: dataset, authors: authors, promptsPerAuthor: promptsPerAuthor, trainingTexts: trainingTexts,
            systems: try systems.split(separator: ",").map { try EvaluatedSystem(parsing: $0.trimmingCharacters(in: .whitespaces)) },
            baseline: try EvaluatedSystem(parsing: baseline),
            judges: try judges.split(separator: ",").map { name in
                guard let judge = JudgeKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw CLIFailure("unknown judge '\(name)'; choose from llm, stylometric", exitCode: .usage)
                }
                return judge
            },
            referenceTokenBudget: referenceTokens ?? (embedded ? 1200 : 3000),
            candidateTokenBudget: candidateTokens ?? (embedded ? 350 : 900))
        try configuration.validate()
        let dataDirectory = try io.dataDirectory()
        let corpus = try AuthorshipCorpusLoader(dataDirectory: dataDirectory).load(dataset, trainingTextsPerAuthor: trainingTexts)
        let files = RunFiles(directory: io.runDirectory(default: "authorship-\(dataset.rawValue)-\(authors)x\(promptsPerAuthor)"))
        let prompts = try session.prompts()
        let judgePrompts = try session.prompts(JudgePrompt.self)
        var inference = try session.inferenceConfiguration(count: embedded ? 3 : 8)
        if embedded {
            // Evidence is grammar-constrained to passages of the texts read (without it the small model's
            // quotes never check out); that grammar grows with the texts and slows sampling, so read fewer.
            inference.textTokenBudget = 600
            inference.maxTokens = 400
        }
        if let inferenceMaxTokens { inference.maxTokens = inferenceMaxTokens }
        let generation = try session.generationOptions(maxTokens: maxTokens ?? (embedded ? 300 : 700))
        let printer = ProgressPrinter(quiet: global.quiet)
        let ledger = session.ledger
        if !global.quiet { Console.note("run folder: \(files.directory.path)") }
        let summary = try await session.withModels(judge: judge) { model, judgeModel in
            try await AuthorshipEvaluation(
                model: model, judgeModel: judgeModel, prompts: prompts, judgePrompts: judgePrompts, configuration: configuration, inference: inference,
                generation: generation, concurrency: global.slots, progress: printer.handler
            ).run(corpus: corpus, in: files, dataDirectory: dataDirectory.path, modelCalls: { ledger.total.calls })
        }
        if io.json { return try Console.json(summary) }
        Console.out(AuthorshipReport(summary: summary).markdown())
        Console.out("report: \(files.html.path)")
    }
}

extension AuthorshipDataset: ExpressibleByArgument {}
