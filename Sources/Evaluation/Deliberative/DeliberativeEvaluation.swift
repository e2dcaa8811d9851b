import Foundation
import HyPerAlign
import LanguageModels
import RunFolders

/// Runs the deliberative-alignment benchmark (SPEC 2.2) into a run folder, resumably.
///
/// Each request goes to a persona (benign requests to benign personas; harmful ones to all personas in
/// turn, so both a professional and an adversary ask them), is answered by every system and judged by
/// the LLM safety judge and by the refusal-phrase matcher; each judged answer is appended to
/// `comparisons.jsonl` at once, and every call goes through `model` (wrap it in a cache).
public struct DeliberativeEvaluation<Model: ChatModel>: Sendable {
    public var model: Model
    /// The safety judge's model: a separate (stronger) model, or the answering model itself.
    public var judgeModel: AnyChatModel
    public var prompts: PromptLibrary
    /// The judges' templates (evaluation-only, not part of the product's prompts).
    public var judgePrompts: JudgePrompts
    public var configuration: DeliberativeRunConfiguration
    public var policy: SafetyPolicy
    public var personas: [Persona]
    public var inference: InferenceConfiguration
    public var generation: GenerationOptions
    public var concurrency: Int
    public var progress: ProgressHandler

    public init(
        model: Model, judgeModel: (any ChatModel)? = nil, prompts: PromptLibrary = .standard(), judgePrompts: JudgePrompts = .standard(),
        configuration: DeliberativeRunConfiguration, policy: SafetyPolicy,
        personas: [Persona], inference: InferenceConfiguration = .init(), generation: GenerationOptions = .init(),
        concurrency: Int = 1, progress: @escaping ProgressHandler = { _ in }
    ) {
        self.model = model
        self.judgeModel = AnyChatModel(judgeModel ?? model)
        self.prompts = prompts
        self.judgePrompts = judgePrompts
        self.configuration = configuration
        self.policy = policy
        self.personas = personas
        self.inference = inference
        // Every arm answers within the same budget: the length-aware cap would hold `hyperalign` to twice
        // the persona's short earlier messages while the baseline gets the full budget.
        var generation = generation
        generation.lengthAwareBudget = false
        self.generation = generation
        self.concurrency = concurrency
        self.progress = progress
    }

    /// Answers and judges every request not yet in the run folder, then writes the summary and reports.
    public func run(requests: [SafetyRequest], in files: RunFiles, modelCalls: @Sendable () -> Int? = { nil }) async throws -> DeliberativeSummary {
        try configuration.validate()
        let manifest = DeliberativeRunManifest(
            configuration: configuration, model: model.modelID.rawValue, judgeModel: judgeModel.modelID.rawValue,
            answerTokens: generation.maxTokens)
        if FileManager.default.fileExists(atPath: files.manifest.path) {
            let stored = try RunFiles.readJSON(DeliberativeRunManifest.self, from: files.manifest)
            guard stored == manifest else {
                throw EvaluationError(file: files.manifest.path, "holds a different run; choose another --out folder")
            }
        } else {
            try RunFiles.writeJSON(manifest, to: files.manifest)
        }
        let assigned = assign(requests)
        let (log, existing) = try JSONLinesLog<DeliberativeRecord>.open(files.comparisons)
        let done = KeyedRecords(Dictionary(existing.map { ($0.key, $0) }, uniquingKeysWith: { $1 }))
        let hypotheses = try await inferHypotheses(for: Set(assigned.map(\.1.id)), files: files)
        let work = assigned.flatMap { request, persona in configuration.systems.map { (request, persona, $0) } }
        let pending = work.filter { done[DeliberativeRecord.key(requestID: $0.0.id, system: $0.2)] == nil }
        let tracker = ProgressTracker(phase: "answers", total: work.count, handler: progress)
        tracker.resumed(work.count - pending.count)
        try await forEach(pending, limit: concurrency) { request, persona, system in
            let record = try await answer(request, persona: persona, system: system, hypotheses: hypotheses[persona.id] ?? nil)
            try log.append(record)
            done.insert(record, for: record.key)
            tracker.step()
        }
        let records = done.snapshot.values.filter { record in requests.contains { $0.id == record.requestID } }
        let summary = DeliberativeSummary.make(
            model: manifest.model, judgeModel: manifest.judgeModel, configuration: configuration, records: Array(records),
            personaHypotheses: PersonaHypotheses.read(Set(records.map(\.persona)), from: files), modelCalls: modelCalls())
        try DeliberativeReport(summary: summary).write(to: files)
        return summary
    }

    /// Benign requests to benign personas in turn; harmful ones to every persona in turn.
    func assign(_ requests: [SafetyRequest]) -> [(SafetyRequest, Persona)] {
        let benign = personas.filter { $0.intent == .benign }
        var harmfulIndex = 0, benignIndex = 0
        return requests.map { request in
            if request.harmful {
                defer { harmfulIndex += 1 }
                return (request, personas[harmfulIndex % personas.count])
            }
            defer { benignIndex += 1 }
            return (request, benign[benignIndex % benign.count])
        }
    }

    /// Hypotheses per persona from its earlier messages (cached calls); nil where inference failed.
    private func inferHypotheses(for ids: Set<String>, files: RunFiles) async throws -> [String: HypothesisSet?] {
        guard configuration.systems.contains(where: { $0 != .baseline }) else { return [:] }
        let result = KeyedRecords<HypothesisSet?>()
        let tracker = ProgressTracker(phase: "persona hypotheses", total: ids.count, handler: progress)
        tracker.resumed(0)
        try await forEach(personas.filter { ids.contains($0.id) }, limit: concurrency) { persona in
            do {
                let set = try await HypothesisInferencer(model: model, prompts: prompts, configuration: inference).infer(persona.profile).set
                try RunFiles.writeJSON(set, to: PersonaHypotheses.inferred(persona.id, files: files))
                try? FileManager.default.removeItem(at: PersonaHypotheses.failed(persona.id, files: files))
                result.insert(set, for: persona.id)
            } catch let error as InferenceError {
                try RunFiles.writeJSON(["failure": error.description], to: PersonaHypotheses.failed(persona.id, files: files))
                try? FileManager.default.removeItem(at: PersonaHypotheses.inferred(persona.id, files: files))
                result.insert(nil, for: persona.id)
            }
            tracker.step()
        }
        return result.snapshot
    }

    private func answer(_ request: SafetyRequest, persona: Persona, system: DeliberativeSystem, hypotheses: HypothesisSet?) async throws -> DeliberativeRecord {
        let text: String
        var deliberation: String?
        switch system {
        case .baseline:
            text = try await PersonalizedGenerator(model: model, prompts: prompts, options: generation)
                .generate(request.text, for: UserProfile(id: "anonymous"), hypotheses: nil, variant: .zeroShot).text
        case .hyperalign:
            let set = hypotheses ?? HypothesisSet(
                userID: persona.id, hypotheses: [], attributes: InferredAttributes(),
                provenance: HypothesisProvenance(model: model.modelID.rawValue, promptVersion: "none", textsHash: "", textCount: 0))
            // An answer for the persona, informed by the hypotheses — not an answer in the persona's voice.
            text = try await PersonalizedAssistant(model: model, prompts: prompts, options: generation)
                .answer(request.text, for: persona.profile, hypotheses: set).text
        case .deliberative:
            let result = try await DeliberativeGenerator(model: model, prompts: prompts, policy: policy, options: generation)
                .respond(to: request.text, profile: persona.profile, hypotheses: hypotheses)
            text = result.answer.text
            deliberation = result.deliberation
        }
        let answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let verdict = try await SafetyJudge(model: judgeModel, prompts: judgePrompts).judge(request: request.text, answer: answer)
        return DeliberativeRecord(
            key: DeliberativeRecord.key(requestID: request.id, system: system), requestID: request.id, source: request.source,
            harmful: request.harmful, persona: persona.id, personaIntent: persona.intent, system: system, request: request.text,
            answer: answer, deliberation: deliberation, verdict: verdict, refusalByPhrase: RefusalPhraseMatcher().isRefusal(answer))
    }
}
