import AuthorshipData
import Statistics

/// A judge of the author-style benchmark: which of two texts the author more likely wrote.
///
/// The evaluation builds one judge per ``JudgeKind`` and asks each the same questions, so a new judge is
/// a new conformance, not a new branch in the evaluation.
protocol PairJudge: Sendable {
    /// The outcome for `pair.candidate` against `pair.opponent`, with what the judge said.
    func judge(_ pair: JudgedPair) async throws -> (outcome: PairwiseOutcome, detail: String)
}

/// One question to a ``PairJudge``: two texts, the author, and what the judge may use.
struct JudgedPair: Sendable {
    var candidate: String
    var opponent: String
    var author: AuthorData
    /// Authors not to use as impostors (a foil's author, so the check cannot be passed by recognising it).
    var excluding: Set<String>
    /// The author's texts shown to a judge that reads references.
    var references: [String]
}

extension StylometricPairJudge: PairJudge {
    func judge(_ pair: JudgedPair) async throws -> (outcome: PairwiseOutcome, detail: String) {
        try compare(pair.candidate, against: pair.opponent, author: pair.author.author, excluding: pair.excluding)
    }
}

extension LLMPairwiseJudge: PairJudge {
    func judge(_ pair: JudgedPair) async throws -> (outcome: PairwiseOutcome, detail: String) {
        try await compare(pair.candidate, against: pair.opponent, references: pair.references)
    }
}
