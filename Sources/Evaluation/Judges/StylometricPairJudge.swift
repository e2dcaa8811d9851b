import Foundation
import AuthorshipData
import Statistics
import Stylometry

/// The stylometric judge of the benchmark: ``StylometricJudge`` with each author's reference built from
/// their training texts and every other author of the data set as an impostor (never a test output).
public struct StylometricPairJudge: Sendable {
    public let judge: StylometricJudge
    private let references: [String: AuthorReference]

    /// Profiles the impostor pool (all authors of `corpus`) and the reference of each of `authors`.
    public init(corpus: AuthorshipCorpus, authors: [AuthorData], trainingTexts: Int, configuration: JudgeConfiguration = .init()) {
        var configuration = configuration
        configuration.textsPerImpostor = trainingTexts
        let judge = StylometricJudge(
            impostors: corpus.authors.map { AuthorTexts(author: $0.author, texts: Array($0.referenceTexts.prefix(trainingTexts))) },
            configuration: configuration)
        self.judge = judge
        var references: [String: AuthorReference] = [:]
        for author in authors {
            references[author.author] = judge.reference(
                AuthorTexts(author: author.author, texts: Array(author.trainingTexts.prefix(trainingTexts))))
        }
        self.references = references
    }

    /// `candidate` against `opponent` for `author`; `excluding` removes authors from the impostors.
    public func compare(_ candidate: String, against opponent: String, author: String, excluding: Set<String> = []) throws(EvaluationError) -> (outcome: PairwiseOutcome, detail: String) {
        guard let reference = references[author] else { throw EvaluationError("no stylometric reference for author '\(author)'") }
        let verdict = judge.compare(candidate, opponent, for: reference, excluding: excluding)
        let outcome: PairwiseOutcome = switch verdict.preferred {
        case .a: .win
        case .b: .loss
        case .tie: .tie
        }
        let detail = "combined \(Self.format(verdict.scoreA.combined)) vs \(Self.format(verdict.scoreB.combined)); cosine \(Self.format(verdict.scoreA.cosine)) vs \(Self.format(verdict.scoreB.cosine))"
        return (outcome, detail)
    }

    static func format(_ x: Double) -> String { String(format: "%.4f", x) }
}
