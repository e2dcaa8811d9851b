/// Percentile bootstrap confidence intervals.
///
/// Resampling is seeded so a report can be regenerated bit for bit from the same comparisons.
public struct Bootstrap: Sendable {
    public var resamples: Int
    public var level: Double
    public var seed: UInt64

    public init(resamples: Int = 2000, level: Double = 0.95, seed: UInt64 = 0x5EED) {
        precondition(resamples > 0, "resamples must be positive")
        precondition(level > 0 && level < 1, "level must be in (0, 1)")
        self.resamples = resamples
        self.level = level
        self.seed = seed
    }

    /// The interval of `statistic` over resamples (with replacement) of `values`.
    /// An empty sample gives a degenerate interval at `statistic([])`-free NaN.
    public func interval<T>(
        of values: [T],
        statistic: ([T]) -> Double
    ) -> ConfidenceInterval {
        guard !values.isEmpty else {
            return ConfidenceInterval(estimate: .nan, lower: .nan, upper: .nan, level: level)
        }
        let estimate = statistic(values)
        var generator = SeededGenerator(seed: seed)
        var stats: [Double] = []
        stats.reserveCapacity(resamples)
        var sample = values
        for _ in 0..<resamples {
            for i in sample.indices {
                sample[i] = values[Int.random(in: 0..<values.count, using: &generator)]
            }
            stats.append(statistic(sample))
        }
        return percentileInterval(estimate: estimate, resampled: stats)
    }

    /// The interval of the mean of `values`.
    public func meanInterval(_ values: [Double]) -> ConfidenceInterval {
        interval(of: values, statistic: Summary.mean)
    }

    /// The interval of `statistic` over the pooled values of clusters resampled with replacement (a
    /// cluster bootstrap): the prompts of one author are correlated, so the author — not the single
    /// comparison — is the unit resampled. Empty clusters are ignored.
    public func clusterInterval<T>(
        of clusters: [[T]],
        statistic: ([T]) -> Double
    ) -> ConfidenceInterval {
        let clusters = clusters.filter { !$0.isEmpty }
        guard !clusters.isEmpty else {
            return ConfidenceInterval(estimate: .nan, lower: .nan, upper: .nan, level: level)
        }
        let estimate = statistic(clusters.flatMap { $0 })
        var generator = SeededGenerator(seed: seed)
        var stats: [Double] = []
        stats.reserveCapacity(resamples)
        var pooled: [T] = []
        for _ in 0..<resamples {
            pooled.removeAll(keepingCapacity: true)
            for _ in clusters.indices {
                pooled += clusters[Int.random(in: 0..<clusters.count, using: &generator)]
            }
            stats.append(statistic(pooled))
        }
        return percentileInterval(estimate: estimate, resampled: stats)
    }

    /// The percentile interval of `resampled` statistics around `estimate`: one place for both bootstraps.
    private func percentileInterval(estimate: Double, resampled: [Double]) -> ConfidenceInterval {
        let sorted = resampled.sorted()
        let alpha = (1 - level) / 2
        return ConfidenceInterval(
            estimate: estimate,
            lower: Quantile.sorted(sorted, alpha),
            upper: Quantile.sorted(sorted, 1 - alpha),
            level: level
        )
    }
}
