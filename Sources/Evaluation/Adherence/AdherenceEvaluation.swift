import AuthorshipData
import Foundation
import HyPerAlign
import LanguageModels
import Statistics

/// The adherence benchmark: on authors of CCAT50 and CMCC, each variant answers held-out prompts; every
/// answer is checked against the author's measured habits, and the stylometric judge compares it with
/// the zero-shot answer to the same prompt.
///
/// The judge sees nothing the generator saw: it is the benchmark's ``StylometricPairJudge``, whose reference
/// and impostor texts are the authors' held-out texts (``JudgeReferences``: never a training text the
/// generator read, a test prompt or a test answer).
public struct AdherenceEvaluation<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var configuration: AdherenceRunConfiguration

    public init(model: Model, prompts: PromptLibrary = .standard(), configuration: AdherenceRunConfiguration) {
        self.model = model
        self.prompts = prompts
        self.configuration = configuration
    }

    /// Everything a run produced.
    public struct Result: Sendable {
        public var records: [AdherenceRecord]
        public var groundTruth: [AdherenceGroundTruth]
        public var summary: AdherenceSummary
    }

    /// Runs every dataset in `corpora`; `progress` gets one line per finished author.
    public func run(_ corpora: [AuthorshipCorpus], progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Result {
        var records: [AdherenceRecord] = []
        var truth: [AdherenceGroundTruth] = []
        // The row each progress line reports: the goal's (the first best-of without repair), else the last run.
        let headline = configuration.variants.first { $0.bestOf > 1 && !$0.repair } ?? configuration.variants.last ?? AdherenceVariant(.zeroShot)
        for corpus in corpora.map(configuration.split.prompts(of:)) {
            // The generator reads every training text the loader gave (hypotheses are inferred from them).
            let trainingTexts = corpus.authors.map(\.trainingTexts.count).max() ?? 0
            let authors = Array(corpus.authors.filter { author in
                !author.testItems.isEmpty && !author.trainingTexts.isEmpty
                    && !JudgeReferences.texts(author, trainingTexts: trainingTexts, limit: 1).isEmpty
            }.prefix(configuration.authorsPerDataset))
            // The benchmark's stylometric judge: references and impostors from held-out texts only.
            let judge = try StylometricPairJudge(corpus: corpus, authors: authors, trainingTexts: trainingTexts)
            let secondJudge = try StylometricPairJudge(corpus: corpus, authors: authors, trainingTexts: trainingTexts, references: .nextHeldOut)
            // What a store of many people has: every author's given texts (each left out of their own comparison);
            // `--choose style` rows choose with it, and every best-of row reports what it would have chosen.
            let background = StyleBackground(
                people: Dictionary(corpus.authors.map { ($0.author, Array($0.trainingTextsAsWritten.prefix(trainingTexts))) }) { first, _ in first })
            let dataset = corpus.dataset.folderName
            // Two authors at a time: one's inference overlaps the other's answers on the server's slots.
            for start in stride(from: 0, to: authors.count, by: 2) {
                let pair = Array(authors[start..<min(start + 2, authors.count)])
                let results = try await withThrowingTaskGroup(of: (Int, [AdherenceRecord], [AdherenceGroundTruth]).self) { group in
                    for (position, author) in pair.enumerated() {
                        group.addTask {
                            let (authorRecords, authorTruth) = try await evaluate(
                                author, dataset: dataset, background: background, judge: judge, secondJudge: secondJudge)
                            let best = authorRecords.filter { $0.variant == headline.description }
                            let wins = best.compactMap(\.winAgainstZeroShot).reduce(0, +)
                            progress("\(dataset)/\(author.author): \(authorRecords.count) answers; \(headline) followed \(best.map(\.satisfied).reduce(0, +)) of \(best.map(\.checked).reduce(0, +)) checks, won \(wins) of \(best.count) against zero-shot")
                            return (position, authorRecords, authorTruth)
                        }
                    }
                    var collected: [(Int, [AdherenceRecord], [AdherenceGroundTruth])] = []
                    for try await done in group { collected.append(done) }
                    return collected.sorted { $0.0 < $1.0 }
                }
                for (_, authorRecords, authorTruth) in results {
                    records += authorRecords
                    truth += authorTruth
                }
            }
        }
        let summary = AdherenceSummary(
            model: model.modelID.rawValue, datasets: corpora.map(\.dataset.folderName),
            promptsPerAuthor: configuration.promptsPerAuthor, split: configuration.split, variants: configuration.variants.map(\.description),
            records: records, groundTruth: truth)
        return Result(records: records, groundTruth: truth, summary: summary)
    }

    func evaluate(
        _ author: AuthorData, dataset: String, background: StyleBackground, judge: StylometricPairJudge, secondJudge: StylometricPairJudge
    ) async throws -> ([AdherenceRecord], [AdherenceGroundTruth]) {
        // The person hands in their texts as they wrote them (paragraphs kept), so layout habits are theirs,
        // not the data set's whitespace normalisation; the judge reads every text with whitespace collapsed.
        let profile = UserProfile(
            id: author.author, texts: author.trainingTextsAsWritten.enumerated().map { UserText(id: "\($0.offset + 1)", text: $0.element) })
        let needsHypotheses = configuration.variants.contains { $0.generation.needsHypotheses }
        let set = needsHypotheses
            ? try await HypothesisInferencer(model: model, prompts: prompts, configuration: configuration.inference).infer(profile).set
            : nil
        let generator = PersonalizedGenerator(model: model, prompts: prompts, options: configuration.generation)
        let items = Array(author.testItems.prefix(configuration.promptsPerAuthor))
        let variants = configuration.variants
        let answers = try await withThrowingTaskGroup(of: (Int, [CheckedGeneration]).self) { group in
            for (index, item) in items.enumerated() {
                group.addTask {
                    // Single answers first and side by side, so best-of and revise then find their first
                    // candidate / draft in the response cache, and the repair rows every answer.
                    let single = variants.filter { $0.bestOf == 1 && !$0.revise && !$0.repair }
                    let compound = variants.filter { ($0.bestOf > 1 || $0.revise) && !$0.repair }
                    let repaired = variants.filter(\.repair)
                    var byVariant: [AdherenceVariant: CheckedGeneration] = [:]
                    for batch in [single, compound, repaired] {
                        try await withThrowingTaskGroup(of: (AdherenceVariant, CheckedGeneration).self) { inner in
                            for variant in batch {
                                inner.addTask {
                                    (variant, try await SelfCheckingGenerator(
                                        generator: generator, bestOf: variant.bestOf, revise: variant.revise, repair: variant.repair,
                                        // Rows choosing by habits keep the tie-break they were measured with.
                                        choice: variant.choice, background: variant.choice == .style ? background : nil)
                                        .generate(item.prompt, for: profile, hypotheses: set, variant: variant.generation))
                                }
                            }
                            for try await (variant, result) in inner { byVariant[variant] = result }
                        }
                    }
                    return (index, variants.compactMap { byVariant[$0] })
                }
            }
            var answers: [Int: [CheckedGeneration]] = [:]
            for try await (index, results) in group { answers[index] = results }
            return answers
        }
        var records: [AdherenceRecord] = []
        var truth: [AdherenceGroundTruth] = []
        // What `--choose style` measures, built once for the author: every best-of row reports its pick.
        let styleMatcher = StyleMatcher(person: profile.id, texts: profile.texts.map(\.text), background: background)
        for (index, item) in items.enumerated() {
            guard let results = answers[index] else { continue }
            let zeroShot = zip(variants, results).first { $0.0 == AdherenceVariant(.zeroShot) }?.1
            for (variant, result) in zip(variants, results) {
                var win: Double?
                var candidateWins: [Double]?
                var secondReferenceCloseness: [Double]?
                var ownTextsCloseness: [Double]?
                if let zeroShot, variant != AdherenceVariant(.zeroShot) {
                    win = try judge.compare(result.text, against: zeroShot.text, author: author.author).outcome.score
                    if variant.bestOf > 1 {
                        let texts = try result.candidates.map { candidate throws(EvaluationError) in
                            guard let text = candidate.text else { throw EvaluationError("a best-of candidate of \(author.author)/\(item.id) has no text to judge") }
                            return text
                        }
                        candidateWins = try texts.map { text throws(EvaluationError) in
                            try judge.compare(text, against: zeroShot.text, author: author.author).outcome.score
                        }
                        ownTextsCloseness = styleMatcher.scores(texts)
                        if secondJudge.hasReference(for: author.author) {
                            secondReferenceCloseness = try texts.map { text throws(EvaluationError) in
                                try secondJudge.closeness(of: text, author: author.author)
                            }
                        }
                    }
                }
                records.append(AdherenceRecord(
                    dataset: dataset, author: author.author, item: item.id, variant: variant.description, text: result.text,
                    satisfied: result.adherence.satisfied, checked: result.adherence.checked,
                    habits: result.adherence.items.reduce(into: [:]) { $0[$1.habit] = $1.satisfied },
                    winAgainstZeroShot: win, endedAtBudget: result.endedAtBudget ?? false,
                    seconds: result.seconds, modelSeconds: result.modelSeconds, promptTokens: result.usage.promptTokens, completionTokens: result.usage.completionTokens,
                    candidates: variant.bestOf > 1 ? result.candidates : nil, chosenCandidate: variant.bestOf > 1 ? result.chosen : nil,
                    candidateWins: candidateWins, secondReferenceCloseness: secondReferenceCloseness,
                    ownTextsCloseness: ownTextsCloseness))
            }
            if let zeroShot {
                truth.append(AdherenceGroundTruth(
                    dataset: dataset, author: author.author, item: item.id,
                    realOverZeroShot: try judge.compare(item.realOutput, against: zeroShot.text, author: author.author).outcome.score))
            }
        }
        return (records, truth)
    }
}
