/// A style fact measured on a person's texts, with the figure that backs it and the corpus baseline.
///
/// Unlike an LLM's hypothesis, it can be re-measured: `check(on:)` tests it on held-out texts.
public struct MeasuredHypothesis: Sendable, Hashable, Codable {
    /// Readable statement, e.g. "median sentence length 27 words, 2.0× the corpus median (14)".
    public var statement: String
    public var statistic: StyleStatistic
    /// The statistic on the person's texts.
    public var value: Double
    /// The statistic on the baseline corpus.
    public var baseline: Double

    public init(statement: String, statistic: StyleStatistic, value: Double, baseline: Double) {
        self.statement = statement
        self.statistic = statistic
        self.value = value
        self.baseline = baseline
    }

    /// The statistic's name (see `StyleStatistic.name`).
    public var statisticName: String { statistic.name }
}

/// The result of re-measuring a hypothesis on held-out texts.
public struct HypothesisCheck: Sendable, Hashable {
    public var hypothesis: MeasuredHypothesis
    /// The statistic on the held-out texts.
    public var heldOutValue: Double
    public var holds: Bool
    /// Why it holds or not, with the figures.
    public var reason: String
}
