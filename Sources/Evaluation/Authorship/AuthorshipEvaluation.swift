import AuthorshipData
import Foundation
import HyPerAlign
import LanguageModels
import RunFolders
import Statistics
import Stylometry

/// Runs the author-style emulation benchmark (SPEC 2.1) into a run folder, resumably.
///
/// Every candidate and every judgement is appended to the run's JSONL files the moment it is finished;
/// a restarted run skips them, and every model call goes through `model` (wrap it in a
/// `CachedChatModel`), so an interrupted call is the only one made twice and a finished run re-runs
/// with no model call at all.
///
/// ```swift
/// let summary = try await AuthorshipEvaluation(model: cachedModel, configuration: .init(authors: 5))
///     .run(corpus: corpus, in: RunFiles(directory: runFolder))
/// ```
public struct AuthorshipEvaluation<Model: ChatModel>: Sendable {
    public var model: Model
    /// The LLM judge's model: a separate (stronger) model, or the generator itself.
    public var judgeModel: AnyChatModel
    public var prompts: PromptLibrary
    /// The judges' templates (evaluation-only, not part of the product's prompts).
    public var judgePrompts: JudgePrompts
    public var configuration: AuthorshipRunConfiguration
    public var inference: InferenceConfiguration
    public var generation: GenerationOptions
    /// Model calls in flight at once.
    public var concurrency: Int
    /// Folder that relative `imported:` paths are resolved against.
    public var importDirectory: URL
    public var progress: ProgressHandler

    public init(
        model: Model, judgeModel: (any ChatModel)? = nil, prompts: PromptLibrary = .standard(), judgePrompts: JudgePrompts = .standard(),
        configuration: AuthorshipRunConfiguration,
        inference: InferenceConfiguration = .init(), generation: GenerationOptions = .init(), concurrency: Int = 1,
        importDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        progress: @escaping ProgressHandler = { _ in }
    ) {
        self.model = model
        self.judgeModel = AnyChatModel(judgeModel ?? model)
        self.prompts = prompts
        self.judgePrompts = judgePrompts
        self.configuration = configuration
        self.inference = inference
        self.generation = generation
        self.concurrency = concurrency
        self.importDirectory = importDirectory
        self.progress = progress
    }

    /// Runs (or resumes) the benchmark and writes `summary.json` and the reports.
    /// - Parameter dataDirectory: recorded in `run.json` for `hyperalign report`.
    public func run(corpus: AuthorshipCorpus, in files: RunFiles, dataDirectory: String = "", modelCalls: @Sendable () -> Int? = { nil }) async throws -> AuthorshipSummary {
        try configuration.validate()
        let manifest = AuthorshipRunManifest(
            configuration: configuration, model: model.modelID.rawValue,
            judgeModel: configuration.judges.contains(.llm) ? judgeModel.modelID.rawValue : nil, dataDirectory: dataDirectory)
        try checkManifest(manifest, files: files)
        let slice = try AuthorshipSlice(corpus: corpus, configuration: configuration)
        let imported = try loadImported()
        let (generationLog, generated) = try JSONLinesLog<GenerationRecord>.open(files.generations)
        let candidates = KeyedRecords(Dictionary(generated.map { ($0.key, $0) }, uniquingKeysWith: { $1 }))
        try await generate(slice: slice, imported: imported, log: generationLog, candidates: candidates, files: files)
        let (comparisonLog, compared) = try JSONLinesLog<ComparisonRecord>.open(files.comparisons)
        let judged = KeyedRecords(Dictionary(compared.map { ($0.key, $0) }, uniquingKeysWith: { $1 }))
        try await judge(slice: slice, corpus: corpus, candidates: candidates, log: comparisonLog, judged: judged)
        let summary = AuthorshipSummary.make(
            configuration: configuration, model: manifest.model, judgeModel: manifest.judgeModel, authors: slice.authors.map(\.author),
            comparisons: Array(judged.snapshot.values).sorted { $0.key < $1.key },
            generations: Array(candidates.snapshot.values), modelCalls: modelCalls())
        try AuthorshipReport(summary: summary).write(to: files)
        return summary
    }

    private func checkManifest(_ manifest: AuthorshipRunManifest, files: RunFiles) throws {
        if FileManager.default.fileExists(atPath: files.manifest.path) {
            let stored = try RunFiles.readJSON(AuthorshipRunManifest.self, from: files.manifest)
            guard stored.matches(manifest) else {
                throw EvaluationError(
                    file: files.manifest.path,
                    "holds a different run (model \(stored.model), \(stored.configuration.systems.map(\.description).joined(separator: ","))); choose another --out folder")
            }
        } else {
            try RunFiles.writeJSON(manifest, to: files.manifest)
        }
    }

    private func loadImported() throws -> [String: ImportedOutputs] {
        var outputs: [String: ImportedOutputs] = [:]
        for system in configuration.allSystems {
            guard case .imported(let path) = system else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : importDirectory.appendingPathComponent(path)
            outputs[system.description] = try ImportedOutputs(contentsOf: url)
        }
        return outputs
    }
}
