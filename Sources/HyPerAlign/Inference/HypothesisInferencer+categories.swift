import Logging
import LanguageModels

extension HypothesisInferencer {
    /// One category's outcome: its hypotheses, or why it produced none.
    struct CategoryOutcome: Sendable {
        var category: Hypothesis.Category
        var hypotheses: [Hypothesis]
        var attributes: InferredAttributes?
        var skipped: [String]
        var attempts: Int
        var problem: String?
    }

    /// Inference with evidence cited by sentence number, the three categories as independent requests —
    /// in parallel, or in sequence sharing the server's cached prompt (see
    /// ``InferenceConfiguration/parallelCategories``).
    ///
    /// A category whose answers stay unusable is reported, not fatal; inference fails only when no
    /// category yields a hypothesis.
    func inferByCategory(_ profile: UserProfile) async throws -> (set: HypothesisSet, report: InferenceReport) {
        let template = prompts[.inferCategory]
        let sentences = NumberedSentences(
            texts: profile.texts.map(\.text), tokenBudget: min(configuration.textTokenBudget, configuration.sentenceTokenBudget))
        guard !sentences.sentences.isEmpty else {
            throw InferenceError(userID: profile.id, attempts: 0, lastProblem: "the texts have no sentence of 4 words or more (shorter ones are no evidence)")
        }
        let known = profile.attributes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let shared = [
            "sentences": sentences.rendered(),
            "known_attributes": known.isEmpty ? "none" : known.joined(separator: "; "),
        ]
        let counts = Self.splitCount(configuration.hypothesisCount)
        var requests: [(category: Hypothesis.Category, count: Int, messages: [ChatMessage])] = []
        for (category, count) in zip(Hypothesis.Category.allCases, counts) where count > 0 {
            var values = shared
            values["category"] = category.rawValue
            values["count"] = String(count)
            requests.append((category, count, [.system(try template.renderSystem(values)), .user(try template.renderUser(values))]))
        }
        var outcomes: [CategoryOutcome] = []
        if configuration.parallelCategories {
            outcomes = try await withThrowingTaskGroup(of: CategoryOutcome.self) { group in
                for request in requests {
                    group.addTask {
                        try await inferCategory(request.category, count: request.count, messages: request.messages, sentences: sentences)
                    }
                }
                var outcomes: [CategoryOutcome] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes.sorted { Self.order($0.category) < Self.order($1.category) }
            }
        } else {
            // One after another: the server reads the shared prompt (instructions and sentences) once and
            // reuses it from the slot's cache for the next category.
            for request in requests {
                outcomes.append(try await inferCategory(request.category, count: request.count, messages: request.messages, sentences: sentences))
            }
        }
        var report = InferenceReport(
            attempts: outcomes.map(\.attempts).max() ?? 0, textsUsed: sentences.textsUsed, textsGiven: profile.texts.count)
        report.skippedEntries = outcomes.flatMap(\.skipped)
            + outcomes.compactMap { outcome in outcome.problem.map { "\(outcome.category): \($0)" } }
        let verifier = EvidenceVerifier(texts: profile.texts.map(\.text))
        let hypotheses = verified(outcomes.flatMap(\.hypotheses), verifier: verifier, report: &report)
        guard !hypotheses.isEmpty else {
            throw InferenceError(
                userID: profile.id, attempts: report.attempts,
                lastProblem: report.skippedEntries.last ?? "no category produced a usable hypothesis")
        }
        var attributes = outcomes.compactMap(\.attributes).first ?? InferredAttributes()
        attributes.typicalLengthWords = Self.medianWordCount(profile.texts)
        attributes.formattingHabits = FormattingHabits.measure(profile.texts.map(\.text))
        attributes = checkedAttributes(attributes, profile: profile, template: template, report: &report)
        let provenance = HypothesisProvenance(
            model: model.modelID.rawValue, promptVersion: template.versionTag,
            textsHash: profile.textsHash, textCount: profile.texts.count)
        return (HypothesisSet(userID: profile.id, hypotheses: hypotheses, attributes: attributes, provenance: provenance), report)
    }

    /// Asks for one category, retrying an unusable answer with the problem named.
    func inferCategory(
        _ category: Hypothesis.Category, count: Int, messages initial: [ChatMessage], sentences: NumberedSentences
    ) async throws -> CategoryOutcome {
        var messages = initial
        var problem = ""
        let schema = CategoryInferenceSchema.schema(
            category: category, count: count, sentenceCount: sentences.sentences.count, withAttributes: category == .communication)
        for attempt in 1...configuration.maxAttempts {
            let response = try await model.complete(ChatRequest(
                messages: messages, temperature: configuration.temperature,
                maxTokens: min(configuration.maxTokens, 110 * count + 100), seed: configuration.seed.map { $0 + attempt - 1 },
                frequencyPenalty: 0.8, responseFormat: .jsonSchema(name: "hypotheses", schema: schema)))
            do {
                let answer = try CategoryAnswerParser(category: category, sentences: sentences).parse(response.text)
                guard !answer.hypotheses.isEmpty else {
                    throw LenientJSONError(
                        message: "no hypothesis cites an existing sentence number", excerpt: LenientJSON.excerpt(response.text))
                }
                return CategoryOutcome(
                    category: category, hypotheses: answer.hypotheses, attributes: answer.attributes,
                    skipped: answer.skipped, attempts: attempt)
            } catch {
                problem = String(describing: error)
                logger.debug("category answer unusable", metadata: ["category": "\(category)", "problem": "\(problem)"])
                messages = initial + [.assistant(response.text), .user(try prompts[.repairJSON].renderUser(["error": problem]))]
            }
        }
        return CategoryOutcome(
            category: category, hypotheses: [], skipped: [], attempts: configuration.maxAttempts, problem: problem)
    }

    /// `total` hypotheses shared across the three categories as evenly as possible (8 → 3, 3, 2).
    public static func splitCount(_ total: Int) -> [Int] {
        let categories = Hypothesis.Category.allCases.count
        return (0..<categories).map { total / categories + ($0 < total % categories ? 1 : 0) }
    }

    static func order(_ category: Hypothesis.Category) -> Int {
        Hypothesis.Category.allCases.firstIndex(of: category) ?? 0
    }
}
