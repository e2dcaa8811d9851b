import Foundation
import LanguageModels
import Logging

/// Step 1 of HyPerAlign: reads a person's texts and writes down checked hypotheses about them.
///
/// The model is asked for strict JSON (schema-constrained where the backend allows); the answer is read
/// forgivingly, every evidence quote is checked against the texts, and an unusable answer is sent back
/// with the problem named, up to ``InferenceConfiguration/maxAttempts`` times.
public struct HypothesisInferencer<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var configuration: InferenceConfiguration
    public var logger: Logger

    public init(
        model: Model, prompts: PromptLibrary = .standard(), configuration: InferenceConfiguration = .init(),
        logger: Logger = Logger(label: "hyperalign.inference")
    ) {
        self.model = model
        self.prompts = prompts
        self.configuration = configuration
        self.logger = logger
    }

    /// Infers a fresh hypothesis set for `profile` (merge it with an edited one via ``HypothesisMerger``).
    public func infer(_ profile: UserProfile) async throws -> (set: HypothesisSet, report: InferenceReport) {
        guard !profile.texts.isEmpty else {
            throw InferenceError(userID: profile.id, attempts: 0, lastProblem: "the profile has no texts")
        }
        if configuration.citesSentences { return try await inferByCategory(profile) }
        let template = prompts[.inferHypotheses]
        let used = TextBlocks.select(profile.texts, tokenBudget: configuration.textTokenBudget)
        let known = profile.attributes.sorted { $0.key < $1.key }.map { "- \($0.key): \($0.value)" }
        var messages: [ChatMessage] = [
            .system(try template.renderSystem([:])),
            .user(try template.renderUser([
                "count": String(configuration.hypothesisCount),
                "texts": TextBlocks.render(used, tag: "text"),
                "known_attributes": known.isEmpty ? "(none)" : known.joined(separator: "\n"),
            ])),
        ]
        let verifier = EvidenceVerifier(texts: profile.texts.map(\.text))
        var report = InferenceReport(textsUsed: used.count, textsGiven: profile.texts.count)
        var lastProblem = ""
        let choices = configuration.smallModelConstraints
            ? EvidenceCandidates.passages(from: used.map(\.text)) : nil
        for attempt in 1...configuration.maxAttempts {
            report.attempts = attempt
            let response = try await model.complete(request(messages, evidenceChoices: choices))
            do {
                let answer = try InferenceAnswerParser().parse(response.text)
                var attemptReport = report
                let hypotheses = verified(answer.hypotheses, verifier: verifier, report: &attemptReport)
                attemptReport.skippedEntries += answer.skipped
                guard !hypotheses.isEmpty else {
                    throw LenientJSONError(
                        message: "none of the \(answer.hypotheses.count) hypotheses has an evidence quote that occurs in the texts",
                        excerpt: LenientJSON.excerpt(response.text))
                }
                let missing = Self.missingCategories(in: Array(hypotheses.prefix(configuration.hypothesisCount)))
                if !missing.isEmpty, !configuration.smallModelConstraints {
                    let names = missing.map(\.rawValue).joined(separator: ", ")
                    guard attempt < configuration.maxAttempts else {
                        // Asked again and still missing: keep what checked out, and say what is missing.
                        attemptReport.skippedEntries.append("no verified hypothesis in the categories \(names)")
                        return finish(hypotheses, answer: answer, profile: profile, template: template, report: attemptReport)
                    }
                    throw LenientJSONError(
                        message: "no verified hypothesis in the categories \(names); give at least one per category (communication, personality, style)",
                        excerpt: LenientJSON.excerpt(response.text))
                }
                return finish(hypotheses, answer: answer, profile: profile, template: template, report: attemptReport)
            } catch {
                lastProblem = String(describing: error)
                logger.debug("inference answer unusable", metadata: ["attempt": "\(attempt)", "problem": "\(lastProblem)"])
                messages.append(.assistant(response.text))
                messages.append(.user(try prompts[.repairJSON].renderUser(["error": lastProblem])))
            }
        }
        throw InferenceError(userID: profile.id, attempts: configuration.maxAttempts, lastProblem: lastProblem)
    }

    /// The set made from a usable answer: measured length and habits added to the model's attributes.
    private func finish(
        _ hypotheses: [Hypothesis], answer: InferenceAnswerParser.Answer, profile: UserProfile, template: PromptTemplate,
        report: InferenceReport
    ) -> (set: HypothesisSet, report: InferenceReport) {
        var attributes = answer.attributes
        attributes.typicalLengthWords = Self.medianWordCount(profile.texts)
        attributes.formattingHabits = Self.formattingHabits(
            measured: FormattingHabits.measure(profile.texts.map(\.text)), model: attributes.formattingHabits,
            keepModels: !configuration.smallModelConstraints)
        var report = report
        attributes = checkedAttributes(attributes, profile: profile, template: template, report: &report)
        let provenance = HypothesisProvenance(
            model: model.modelID.rawValue, promptVersion: template.versionTag,
            textsHash: profile.textsHash, textCount: profile.texts.count)
        let set = HypothesisSet(
            userID: profile.id, hypotheses: Array(hypotheses.prefix(configuration.hypothesisCount)),
            attributes: attributes, provenance: provenance)
        return (set, report)
    }

    /// Measured habits first (they are right whatever the model), then — for a capable model — the habits it
    /// noticed that no measurement covers. A small model's own list is dropped: it repeats itself or the texts.
    package static func formattingHabits(measured: [String], model: [String], keepModels: Bool) -> [String] {
        guard keepModels else { return measured }
        var seen = Set(measured.map(StatementKey.normalize))
        let extra = model.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert(StatementKey.normalize($0)).inserted }
        return measured + extra
    }

    /// The categories none of `hypotheses` is in.
    package static func missingCategories(in hypotheses: [Hypothesis]) -> [Hypothesis.Category] {
        let present = Set(hypotheses.map(\.category))
        return Hypothesis.Category.allCases.filter { !present.contains($0) }
    }

    func request(_ messages: [ChatMessage], evidenceChoices: [String]?) -> ChatRequest {
        ChatRequest(
            messages: messages, temperature: configuration.temperature, maxTokens: configuration.maxTokens,
            seed: configuration.seed,
            responseFormat: .jsonSchema(name: "hypotheses", schema: InferenceSchema.schema(
                count: configuration.hypothesisCount, evidenceChoices: evidenceChoices,
                strictShapes: configuration.smallModelConstraints)))
    }

    func verified(_ hypotheses: [Hypothesis], verifier: EvidenceVerifier, report: inout InferenceReport) -> [Hypothesis] {
        var kept: [Hypothesis] = []
        var seen: Set<String> = []
        for var hypothesis in hypotheses {
            hypothesis.statement = StatementQuality.collapseRepetitions(hypothesis.statement)
            guard seen.insert(StatementKey.normalize(hypothesis.statement)).inserted else { continue }
            if let problem = StatementQuality.problem(with: hypothesis.statement, verifier: verifier) {
                report.droppedHypotheses.append(.init(statement: hypothesis.statement, message: problem))
                continue
            }
            let checked = verifier.verify(hypothesis.evidence)
            for item in checked {
                if case .repaired(let original) = item.verdict {
                    report.repairedEvidence.append(.init(
                        statement: hypothesis.statement, message: "\"\(original)\" → \"\(item.quote)\""))
                }
            }
            hypothesis.evidence = checked.filter { $0.verdict != .notFound }.map(\.quote)
            if hypothesis.evidence.isEmpty {
                let quotes = checked.map { "\"\($0.quote)\"" }.joined(separator: ", ")
                report.droppedHypotheses.append(.init(
                    statement: hypothesis.statement,
                    message: quotes.isEmpty ? "no evidence given" : "not found in the texts: \(quotes)"))
            } else {
                kept.append(hypothesis)
            }
        }
        return kept
    }

    static func medianWordCount(_ texts: [UserText]) -> Int {
        let counts = texts.map(\.wordCount).sorted()
        guard !counts.isEmpty else { return 0 }
        return counts.count % 2 == 1 ? counts[counts.count / 2] : (counts[counts.count / 2 - 1] + counts[counts.count / 2]) / 2
    }
}
