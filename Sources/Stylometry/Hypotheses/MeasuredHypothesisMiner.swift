/// Derives measured style hypotheses from a person's texts against a corpus baseline.
///
/// Each statistic is compared with the baseline; only clear departures (or clear habits such as a
/// recurring sign-off) become hypotheses, strongest first, each with its figure.
///
/// ```swift
/// let facts = MeasuredHypothesisMiner().hypotheses(userTexts: mine, baselineTexts: corpus)
/// // "median sentence length 27 words, 2.0× the corpus median (14)"
/// ```
public struct MeasuredHypothesisMiner: Sendable {
    /// Minimum ratio (either way) between user and baseline for lengths and vocabulary.
    public var lengthRatio: Double
    /// Minimum ratio (either way) for rates of punctuation, function words and contractions.
    public var rateRatio: Double
    /// Texts that must show a habit (list, sign-off, greeting, opening word) for it to count.
    public var minimumSupport: Int
    /// At most this many hypotheses, strongest first.
    public var maximumCount: Int
    public var featurizer: TextFeaturizer

    public init(
        lengthRatio: Double = 1.25, rateRatio: Double = 1.8, minimumSupport: Int = 2, maximumCount: Int = 12,
        featurizer: TextFeaturizer = TextFeaturizer()
    ) {
        self.lengthRatio = lengthRatio
        self.rateRatio = rateRatio
        self.minimumSupport = minimumSupport
        self.maximumCount = maximumCount
        self.featurizer = featurizer
    }

    /// Hypotheses for raw texts.
    public func hypotheses(userTexts: [String], baselineTexts: [String]) -> [MeasuredHypothesis] {
        hypotheses(user: featurizer.features(of: userTexts), baseline: featurizer.features(of: baselineTexts))
    }

    /// Hypotheses for featurized texts.
    public func hypotheses(user: [TextFeatures], baseline: [TextFeatures]) -> [MeasuredHypothesis] {
        guard !user.isEmpty else { return [] }
        let mine = TextSetProfile(user)
        let corpus = TextSetProfile(baseline)
        let found = lengthFacts(mine, corpus) + rateFacts(mine, corpus) + habitFacts(mine, corpus)
        return found.sorted { $0.strength > $1.strength }.prefix(maximumCount).map(\.hypothesis)
    }

    /// A candidate with its strength (|log ratio| or support share) for ranking.
    struct Candidate {
        var hypothesis: MeasuredHypothesis
        var strength: Double
    }
}
