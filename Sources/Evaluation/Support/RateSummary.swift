import Reports
import Statistics

/// A win-rate (or accuracy) with its 95% bootstrap interval and the counts behind it, as reported.
///
/// `failures` are comparisons that could not be judged because a text could not be made (inference or
/// generation failed): they are already inside the counts (a failed system's comparison is a loss) and
/// are shown beside the rate, so nothing leaves the denominator unseen.
public struct RateSummary: Sendable, Hashable, Codable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var wins: Int
    public var ties: Int
    public var losses: Int
    public var comparisons: Int
    /// Comparisons scored without a judge because one side had no text (counted in wins/ties/losses).
    public var failures: Int
    /// How the interval was made: `comparisons` (each comparison resampled) or `authors` (a cluster
    /// bootstrap resampling authors, used for every overall rate).
    public var resampled: String

    /// A rate whose interval resamples single comparisons (one author's rows, or independent checks).
    public init(_ outcomes: [PairwiseOutcome], failures: Int = 0, bootstrap: Bootstrap = Bootstrap()) {
        self.init(WinRate(outcomes: outcomes, bootstrap: bootstrap), failures: failures, resampled: "comparisons")
    }

    /// A rate over several authors' rows whose interval comes from a cluster bootstrap over authors.
    public init(clusters: [[PairwiseOutcome]], failures: Int = 0, bootstrap: Bootstrap = Bootstrap()) {
        self.init(WinRate(clusters: clusters, bootstrap: bootstrap), failures: failures, resampled: "authors")
    }

    private init(_ rate: WinRate, failures: Int, resampled: String) {
        estimate = rate.interval.estimate
        lower = rate.interval.lower
        upper = rate.interval.upper
        wins = rate.wins
        ties = rate.ties
        losses = rate.losses
        comparisons = rate.comparisons
        self.failures = failures
        self.resampled = resampled
    }

    /// "0.53 [0.40, 0.67] (n=30)", "0.53 [0.40, 0.67] (n=30, 2 failed)" or "n/a (n=0)".
    public var text: String {
        guard comparisons > 0, estimate.isFinite else { return failures > 0 ? "n/a (n=0, \(failures) failed)" : "n/a (n=0)" }
        let failed = failures > 0 ? ", \(failures) failed" : ""
        return "\(Self.f(estimate)) [\(Self.f(lower)), \(Self.f(upper))] (n=\(comparisons)\(failed))"
    }

    static func f(_ x: Double) -> String { FixedPoint.format(x, digits: 2) }
}
