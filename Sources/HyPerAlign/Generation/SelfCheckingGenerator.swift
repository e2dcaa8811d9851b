import Foundation
import LanguageModels

/// Generation that checks itself: every answer is checked against the person's measured habits; with
/// `bestOf` > 1 that many candidates are sampled in parallel and the one following most habits is kept
/// (ties go to the one stylistically closest to the person's texts), or with ``CandidateChoice/style`` the
/// closest one; with `revise`, one rewrite pass
/// names the habits the answer breaks; with `repair`, each candidate is first edited mechanically to follow
/// the habits an edit can fix (an opening formula, a sign-off, marks and markdown the person never uses,
/// contractions, length, paragraphs), so the choice is made on what would be delivered. An answer the token
/// budget stopped mid-sentence ends at its last full sentence. Works with any provider.
///
/// ```swift
/// let checked = try await SelfCheckingGenerator(generator: generator, bestOf: 4, revise: true)
///     .generate("Write the weekly update.", for: profile, hypotheses: set, variant: .hyperalign)
/// print(checked.adherence.summary)
/// ```
public struct SelfCheckingGenerator<Model: ChatModel>: Sendable {
    public var generator: PersonalizedGenerator<Model>
    /// Candidates sampled (seeds `seed`, `seed + 1`, …); 1 = a single answer, still checked.
    public var bestOf: Int
    /// Whether to make one rewrite pass naming the violated habits.
    public var revise: Bool
    /// Whether to repair every candidate mechanically (``AdherenceChecker/repair(_:)``) before checking it.
    public var repair: Bool
    /// How best-of keeps one candidate: most habits first (the default), or closest style.
    public var choice: CandidateChoice
    /// Other people's texts that style is measured against (``StyleMatcher``); nil: the likelihood ratio
    /// against the other candidates.
    public var background: StyleBackground?

    public init(
        generator: PersonalizedGenerator<Model>, bestOf: Int = 1, revise: Bool = false, repair: Bool = false,
        choice: CandidateChoice = .habits, background: StyleBackground? = nil
    ) {
        self.generator = generator
        self.bestOf = max(1, bestOf)
        self.revise = revise
        self.repair = repair
        self.choice = choice
        self.background = background
    }

    /// Generates, checks, picks and optionally revises the answer to `request`.
    public func generate(
        _ request: String, for profile: UserProfile, hypotheses: HypothesisSet?, variant: GenerationVariant
    ) async throws -> CheckedGeneration {
        let clock = ContinuousClock()
        let start = clock.now
        // Measured once: the habits the prompt asks for are the habits every candidate is checked against.
        let checker = generator.options.adherenceChecker(for: profile)
        let base = try generator.chatRequest(request, for: profile, hypotheses: hypotheses, variant: variant, habits: checker)
        let seeds = (0..<bestOf).map { (base.seed ?? 0) + $0 }
        let responses = try await withThrowingTaskGroup(of: (Int, ChatResponse).self) { group in
            for (index, seed) in seeds.enumerated() {
                var candidate = base
                candidate.seed = seed
                group.addTask { (index, try await generator.model.complete(candidate)) }
            }
            var responses: [ChatResponse?] = Array(repeating: nil, count: seeds.count)
            for try await (index, response) in group { responses[index] = response }
            return responses.compactMap { $0 }
        }
        let finished = responses.map(Self.finished)
        let repairs: [(text: String, repaired: [String])] = finished.map { repair ? checker.repair($0.text) : ($0.text, []) }
        let texts = repairs.map(\.text)
        let reports = texts.map(checker.check)
        let closeness = bestOf > 1
            ? StyleMatcher(person: profile.id, texts: profile.texts.map(\.text), background: background).scores(texts)
            : [0]
        // Ties go to the earlier candidate, so a choice never depends on the order answers arrived in.
        let chosen = switch choice {
        case .habits:
            reports.indices.max { a, b in (reports[a].satisfied, closeness[a], b) < (reports[b].satisfied, closeness[b], a) } ?? 0
        case .style:
            reports.indices.max { a, b in (closeness[a], reports[a].satisfied, b) < (closeness[b], reports[b].satisfied, a) } ?? 0
        }
        var usage = responses.map(\.usage).reduce(TokenUsage(), +)
        var modelTime = responses.map(\.latency).max() ?? .zero
        var text = texts[chosen]
        var repaired = repairs[chosen].repaired
        var endedAtBudget = finished[chosen].cut
        var adherence = reports[chosen]
        var revision: CheckedGeneration.Revision?
        if revise, !adherence.violations.isEmpty {
            let named = adherence.violations.map(\.statement)
            let template = generator.prompts[.reviseGeneration]
            let values = [
                "system": base.messages.first { $0.role == .system }?.content ?? "",
                "request": request,
                "draft": TextBlocks.neutralize(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                "violations": named.map { "- \($0)" }.joined(separator: "\n"),
            ]
            var messages: [ChatMessage] = []
            let system = try template.renderSystem(values)
            if !system.isEmpty { messages.append(.system(system)) }
            messages.append(.user(try template.renderUser(values)))
            var rewriteRequest = base
            rewriteRequest.messages = messages
            let rewrite = try await generator.model.complete(rewriteRequest)
            usage = usage + rewrite.usage
            modelTime += rewrite.latency
            let rewriteFinished = Self.finished(rewrite)
            let (rewriteText, rewriteRepaired): (String, [String]) = repair ? checker.repair(rewriteFinished.text) : (rewriteFinished.text, [])
            let rewriteReport = checker.check(rewriteText)
            let kept = rewriteReport.satisfied >= adherence.satisfied
            revision = .init(
                named: named, draftSatisfied: adherence.satisfied, rewriteSatisfied: rewriteReport.satisfied, kept: kept)
            if kept {
                text = rewriteText
                repaired = rewriteRepaired
                endedAtBudget = rewriteFinished.cut
                adherence = rewriteReport
            }
        }
        let elapsed = clock.now - start
        return CheckedGeneration(
            text: text, adherence: adherence,
            candidates: responses.indices.map { .init(seed: seeds[$0], satisfied: reports[$0].satisfied, closeness: closeness[$0], text: texts[$0]) },
            chosen: chosen, revision: revision, repaired: repair ? repaired : nil, endedAtBudget: endedAtBudget, usage: usage,
            seconds: elapsed.seconds, modelSeconds: modelTime.seconds,
            model: responses[chosen].model)
    }

    /// The response's text, ending at its last full sentence when the token budget stopped it mid-way:
    /// a person never hands in half a sentence, and a small model often runs to the budget.
    static func finished(_ response: ChatResponse) -> (text: String, cut: Bool) {
        guard response.finishReason == .length,
              let cut = CheckableHabit.cut(response.text.trimmingCharacters(in: .whitespacesAndNewlines), toWords: .max)
        else { return (response.text, false) }
        return (cut, true)
    }
}
