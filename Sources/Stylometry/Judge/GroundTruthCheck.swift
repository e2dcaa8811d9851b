import Statistics

/// One ground-truth comparison: the author's real held-out text against a text by another author.
public struct GroundTruthPair: Sendable, Hashable {
    public var author: String
    public var realText: String
    public var foilAuthor: String
    public var foilText: String

    public init(author: String, realText: String, foilAuthor: String, foilText: String) {
        self.author = author
        self.realText = realText
        self.foilAuthor = foilAuthor
        self.foilText = foilText
    }
}

/// The judge's ground-truth accuracy: how often it prefers the real text (a tie counts half).
///
/// Reported beside every result so a weak judge is visible (spec §2.1).
public struct GroundTruthReport: Sendable {
    public var outcomes: [PairwiseOutcome]
    public var rate: WinRate

    /// (correct + ½ ties) / pairs.
    public var accuracy: Double { rate.interval.estimate }
}

extension StylometricJudge {
    /// Whether the judge prefers the real text. The foil's author is removed from the impostors,
    /// so the check cannot be passed just by recognising the foil as a known impostor.
    public func groundTruthOutcome(_ pair: GroundTruthPair, reference: AuthorReference) -> PairwiseOutcome {
        let verdict = compare(pair.realText, pair.foilText, for: reference, excluding: [pair.foilAuthor])
        switch verdict.preferred {
        case .a: return .win
        case .b: return .loss
        case .tie: return .tie
        }
    }

    /// Runs the check over pairs, given each author's reference (looked up by author name).
    public func groundTruthCheck(_ pairs: [GroundTruthPair], references: [String: AuthorReference]) -> GroundTruthReport {
        let outcomes = pairs.compactMap { pair in
            references[pair.author].map { groundTruthOutcome(pair, reference: $0) }
        }
        return GroundTruthReport(outcomes: outcomes, rate: WinRate(outcomes: outcomes))
    }
}
