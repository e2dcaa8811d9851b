import ArgumentParser
import AuthorshipData
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels

/// `hyperalign eval adherence`: how well each variant follows the author's measured habits, and how
/// close it comes to the author by the stylometric judge.
struct EvalAdherenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adherence",
        abstract: "Measured habits followed and stylometric win-rate vs zero-shot for zero-shot, few-shot, hyperalign and hyperalign+examples, with --best-of N, --revise, --repair and --choose habits|style.",
        discussion: """
            Writes records.jsonl (every answer with its checks and verdict), ground-truth.jsonl, summary.json and \
            summary.md to the run folder. Intervals are 95% cluster-bootstrap intervals (authors resampled). The judge's \
            references are the authors' held-out texts, never a text the generator read.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var io: EvalDataOptions
    @Option(help: "Comma-separated data sets: ccat50, cmcc, blogs.") var datasets: String = "ccat50,cmcc"
    @Option(help: "Authors per data set (the first ones with test prompts).") var authors: Int = 4
    @Option(name: .customLong("prompts-per-author"), help: "Test prompts per author.") var promptsPerAuthor: Int = 2
    @Option(help: ArgumentHelp(
        "Prompts to answer: test (the split the figures report) or validation (to design a method without reading the test split).",
        discussion: "With validation, the answered prompts' real outputs are kept out of the judge's references."))
    var split: PromptSplit = .test
    @Option(name: .customLong("best-of"), help: "Candidates of the best-of variant.") var bestOf: Int = 4
    @Option(name: .customLong("max-tokens"), help: "Longest answer (default: 400 on the embedded model, 700 otherwise).")
    var maxTokens: Int?
    @Option(name: .customLong("example-tokens"), help: "The author's texts shown to few-shot, in tokens (default: 1500 on the embedded model, 6000 otherwise).")
    var exampleTokens: Int?
    @Option(help: ArgumentHelp(
        "Comma-separated rows to run, written as the summary writes them, e.g. 'few-shot,hyperalign+examples --best-of 4 --repair --choose style' (default: the nine standard ones).",
        discussion: "zero-shot always runs first: it is the baseline every win-rate is measured against."))
    var variants: String?

    func validate() throws {
        guard (1...50).contains(authors), (1...20).contains(promptsPerAuthor) else {
            throw ValidationError("--authors must be 1–50 and --prompts-per-author 1–20")
        }
        guard (2...CheckedGeneration.maxCandidates).contains(bestOf) else {
            throw ValidationError("--best-of must be 2–\(CheckedGeneration.maxCandidates)")
        }
        _ = try chosenVariants()
    }

    /// The rows to run: `--variants` read in order (duplicates dropped), zero-shot first; else the standard nine.
    private func chosenVariants() throws -> [AdherenceVariant] {
        guard let variants else { return AdherenceVariant.standard(bestOf: bestOf) }
        let names = variants.split(separator: ",").filter { !$0.allSatisfy(\.isWhitespace) }
        guard !names.isEmpty else {
            throw ValidationError("--variants names no row: give e.g. 'hyperalign --best-of 4,few-shot'")
        }
        var chosen = [AdherenceVariant(.zeroShot)]
        for name in names {
            do {
                let variant = try AdherenceVariant(parsing: String(name))
                if !chosen.contains(variant) { chosen.append(variant) }
            } catch {
                throw ValidationError("--variants: \(error)")
            }
        }
        return chosen
    }

    func run() async throws {
        try await evaluate()
    }

    private func evaluate() async throws {
        let session = ModelSession(options: global)
        let embedded = try session.usesEmbeddedModel()
        let sets = try datasets.split(separator: ",").map { name in
            guard let set = AuthorshipDataset(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw CLIFailure("unknown data set '\(name)'; choose from ccat50, cmcc, blogs", exitCode: .usage)
            }
            return set
        }
        var generation = try session.generationOptions(maxTokens: maxTokens ?? (embedded ? 400 : 700))
        generation.exampleTokenBudget = exampleTokens ?? (embedded ? 1500 : 6000)
        let configuration = AdherenceRunConfiguration(
            datasets: sets, authorsPerDataset: authors, promptsPerAuthor: promptsPerAuthor, split: split,
            variants: try chosenVariants(), inference: try session.inferenceConfiguration(count: 8),
            generation: generation, concurrency: global.slots)
        let dataDirectory = try io.dataDirectory()
        let loader = AuthorshipCorpusLoader(dataDirectory: dataDirectory)
        let corpora = try sets.map { try loader.load($0) }
        let directory = io.runDirectory(default: "adherence-\(sets.map(\.rawValue).joined(separator: "+"))-\(authors)x\(promptsPerAuthor)\(split == .validation ? "-validation" : "")")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let prompts = try session.prompts()
        let quiet = global.quiet
        if !quiet { Console.note("run folder: \(directory.path)") }
        let result = try await session.withModel { model in
            try await AdherenceEvaluation(model: model, prompts: prompts, configuration: configuration)
                .run(corpora) { line in if !quiet { Console.note(line) } }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func lines(_ values: [some Encodable]) throws -> Data {
            Data(try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined().utf8)
        }
        try lines(result.records).write(to: directory.appendingPathComponent("records.jsonl"))
        try lines(result.groundTruth).write(to: directory.appendingPathComponent("ground-truth.jsonl"))
        encoder.outputFormatting.insert(.prettyPrinted)
        try encoder.encode(result.summary).write(to: directory.appendingPathComponent("summary.json"))
        try Data((result.summary.markdown + "\n").utf8).write(to: directory.appendingPathComponent("summary.md"))
        if io.json { return try Console.json(result.summary) }
        Console.out("model \(result.summary.model); \(result.summary.authors) authors × \(promptsPerAuthor) \(split == .validation ? "validation " : "")prompts of \(result.summary.datasets.joined(separator: ", "))\n")
        Console.out(result.summary.markdown)
    }
}

extension PromptSplit: ExpressibleByArgument {}
