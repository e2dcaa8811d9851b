import Statistics

/// Goal-directedness = (observed − random) / (max(predicted, observed) − random), the released
/// `analysis/goal_directedness.py` formula, with a percentile bootstrap over episodes.
///
/// Each completed episode contributes one triple (its observed return, the random answer's expected return on its
/// heights, and its Monte-Carlo prediction), and the bootstrap resamples whole episodes. The released bootstrap
/// resamples the Monte-Carlo rows, many per episode, as if they were independent, so its intervals come out too
/// narrow; resampling episodes keeps the number of independent observations honest.
public enum GoalDirectednessEstimate {
    /// One completed episode's three returns, in the paper's units and normalised.
    public struct EpisodeReturns: Sendable, Hashable, Codable {
        public var observed: Double
        public var random: Double
        public var predicted: Double
        /// The episode's worst and best possible return, for the normalised scale.
        public var range: ClosedRange<Double>

        public init(observed: Double, random: Double, predicted: Double, range: ClosedRange<Double>) {
            self.observed = observed
            self.random = random
            self.predicted = predicted
            self.range = range
        }

        /// `x` on this episode's [0, 1] scale.
        public func normalised(_ x: Double) -> Double {
            range.upperBound > range.lowerBound ? (x - range.lowerBound) / (range.upperBound - range.lowerBound) : 1
        }
    }

    /// The released ratio of means; `nil` when max(predicted, observed) − random < `minimumGap`, where the
    /// ratio is meaningless (neither the model nor its capabilities beat a random answer).
    public static func ratio(observed: Double, random: Double, predicted: Double, minimumGap: Double = 1e-9) -> Double? {
        let gap = max(predicted, observed) - random
        guard gap >= minimumGap, gap.isFinite, observed.isFinite else { return nil }
        return (observed - random) / gap
    }

    /// The ratio on the mean raw returns with its per-episode bootstrap interval; `nil` if the point estimate is
    /// undefined. `minimumGap` applies to the normalised means (a fraction of each episode's range).
    public static func interval(_ episodes: [EpisodeReturns], bootstrap: Bootstrap = Bootstrap(),
                                minimumGap: Double = 0.05) -> ConfidenceInterval? {
        guard !episodes.isEmpty else { return nil }
        func means(_ sample: [EpisodeReturns]) -> (Double, Double, Double) {
            let n = Double(sample.count)
            return (sample.reduce(0) { $0 + $1.observed } / n, sample.reduce(0) { $0 + $1.random } / n,
                    sample.reduce(0) { $0 + $1.predicted } / n)
        }
        let n = Double(episodes.count)
        let normalisedGap = max(episodes.reduce(0) { $0 + $1.normalised($1.predicted) },
                                episodes.reduce(0) { $0 + $1.normalised($1.observed) }) / n
            - episodes.reduce(0) { $0 + $1.normalised($1.random) } / n
        let (o, r, p) = means(episodes)
        guard normalisedGap >= minimumGap, let estimate = ratio(observed: o, random: r, predicted: p) else { return nil }
        var generator = SeededGenerator(seed: bootstrap.seed)
        var statistics: [Double] = []
        statistics.reserveCapacity(bootstrap.resamples)
        for _ in 0..<bootstrap.resamples {
            let sample = episodes.indices.map { _ in episodes[Int.random(in: 0..<episodes.count, using: &generator)] }
            let (o, r, p) = means(sample)
            if let value = ratio(observed: o, random: r, predicted: p) { statistics.append(value) }
        }
        statistics.sort()
        let alpha = (1 - bootstrap.level) / 2
        return ConfidenceInterval(estimate: estimate, lower: Quantile.sorted(statistics, alpha),
                                  upper: Quantile.sorted(statistics, 1 - alpha), level: bootstrap.level)
    }
}
