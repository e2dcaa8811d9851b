import Foundation
import AuthorshipData
import Statistics
import Stylometry

/// The stylometric judge of the benchmark: ``StylometricJudge`` with each author's reference built from
/// held-out texts the generator never saw (``JudgeReferences``) and every other author of the data set as
/// an impostor (their held-out texts too; never a test output).
///
/// It compares words and punctuation, not layout: the data sets' texts are whitespace-normalised (DITTO's
/// outputs are single lines), so every text it reads, reference or candidate, has its whitespace collapsed
/// first, and an answer is not scored on having paragraphs the references lost.
public struct StylometricPairJudge: Sendable {
    public let judge: StylometricJudge
    private let references: [String: AuthorReference]

    /// Which texts make each author's reference and the impostor pool.
    package enum ReferenceTexts: Sendable {
        /// The benchmark's judge: references and impostors from held-out texts the generator never saw.
        case heldOut
        /// A second judge: each reference from the *next* held-out texts (disjoint from the first judge's),
        /// authors without any left out; it asks whether the first judge's preferences among candidates are
        /// the author's style or chance.
        case nextHeldOut
    }

    /// Profiles the impostor pool (all authors of `corpus`) and the reference of each of `authors`.
    /// - Parameters:
    ///   - trainingTexts: how many training texts the generator was given (left out of every reference).
    ///   - referenceTexts: held-out texts per reference and per impostor.
    package init(
        corpus: AuthorshipCorpus, authors: [AuthorData], trainingTexts: Int, referenceTexts: Int = 7,
        references source: ReferenceTexts = .heldOut, configuration: JudgeConfiguration = .validationTuned
    ) throws(EvaluationError) {
        // Held-out texts only, whitespace collapsed like every text the judge reads.
        func texts(_ author: AuthorData, reference: Bool) -> [String] {
            let skipping = source == .nextHeldOut && reference ? referenceTexts : 0
            return JudgeReferences.texts(author, trainingTexts: trainingTexts, limit: referenceTexts, skipping: skipping)
                .map(\.collapsingWhitespace)
        }
        var configuration = configuration
        configuration.textsPerImpostor = referenceTexts
        let judge = StylometricJudge(
            impostors: corpus.authors.map { author in
                AuthorTexts(author: author.author, texts: texts(author, reference: false))
            }.filter { !$0.texts.isEmpty },
            configuration: configuration)
        self.judge = judge
        var references: [String: AuthorReference] = [:]
        for author in authors {
            let texts = texts(author, reference: true)
            if source == .nextHeldOut, texts.isEmpty { continue }
            guard !texts.isEmpty else {
                throw EvaluationError("author '\(author.author)' has no held-out text beyond the generator's inputs to build a judge's reference from")
            }
            references[author.author] = judge.reference(AuthorTexts(author: author.author, texts: texts))
        }
        self.references = references
    }

    /// `candidate` against `opponent` for `author`; `excluding` removes authors from the impostors.
    public func compare(_ candidate: String, against opponent: String, author: String, excluding: Set<String> = []) throws(EvaluationError) -> (outcome: PairwiseOutcome, detail: String) {
        let reference = try reference(for: author)
        let verdict = judge.compare(
            candidate.collapsingWhitespace, opponent.collapsingWhitespace, for: reference, excluding: excluding)
        let outcome: PairwiseOutcome = switch verdict.preferred {
        case .a: .win
        case .b: .loss
        case .tie: .tie
        }
        let detail = "combined \(Self.format(verdict.scoreA.combined)) vs \(Self.format(verdict.scoreB.combined)); cosine \(Self.format(verdict.scoreA.cosine)) vs \(Self.format(verdict.scoreB.cosine))"
        return (outcome, detail)
    }

    /// Whether `author` has a reference (a second-reference judge leaves out authors without enough texts).
    package func hasReference(for author: String) -> Bool { references[author] != nil }

    /// How close `text` is to `author`'s reference, relative to the impostors (higher is closer): the score
    /// ``compare(_:against:author:excluding:)`` compares.
    package func closeness(of text: String, author: String) throws(EvaluationError) -> Double {
        judge.score(text.collapsingWhitespace, for: try reference(for: author)).combined
    }

    private func reference(for author: String) throws(EvaluationError) -> AuthorReference {
        guard let reference = references[author] else { throw EvaluationError("no stylometric reference for author '\(author)'") }
        return reference
    }

    static func format(_ x: Double) -> String { String(format: "%.4f", x) }
}
