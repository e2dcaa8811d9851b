import Reports
import Statistics

/// A win-rate (or accuracy) with its 95% bootstrap interval and the counts behind it, as reported.
public struct RateSummary: Sendable, Hashable, Codable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var wins: Int
    public var ties: Int
    public var losses: Int
    public var comparisons: Int

    public init(_ outcomes: [PairwiseOutcome], bootstrap: Bootstrap = Bootstrap()) {
        let rate = WinRate(outcomes: outcomes, bootstrap: bootstrap)
        estimate = rate.interval.estimate
        lower = rate.interval.lower
        upper = rate.interval.upper
        wins = rate.wins
        ties = rate.ties
        losses = rate.losses
        comparisons = rate.comparisons
    }

    /// "0.53 [0.40, 0.67] (n=30)" or "n/a (n=0)".
    public var text: String {
        guard comparisons > 0, estimate.isFinite else { return "n/a (n=0)" }
        return "\(Self.f(estimate)) [\(Self.f(lower)), \(Self.f(upper))] (n=\(comparisons))"
    }

    static func f(_ x: Double) -> String { FixedPoint.format(x, digits: 2) }
}
