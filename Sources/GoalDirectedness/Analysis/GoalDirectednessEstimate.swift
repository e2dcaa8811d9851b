import Statistics

/// Goal-directedness = (observed − random) / (predicted − random), capped at 1, with a percentile bootstrap CI.
///
/// The three samples come from different sources (the model's episodes, random-policy episodes, Monte-Carlo
/// draws), so each resample redraws each of them separately (a stratified bootstrap).
public enum GoalDirectednessEstimate {
    /// The ratio of means, capped at 1; `nil` when predicted − random < `minimumGap`, where the ratio is
    /// meaningless (the model's capabilities would not beat chance).
    public static func ratio(observed: Double, random: Double, predicted: Double, minimumGap: Double = 0.05) -> Double? {
        let gap = predicted - random
        guard gap >= minimumGap, gap.isFinite, observed.isFinite else { return nil }
        return min(1, (observed - random) / gap)
    }

    /// The capped ratio with its bootstrap interval; `nil` if the point estimate is undefined.
    public static func interval(observed: [Double], random: [Double], predicted: [Double],
                                bootstrap: Bootstrap = Bootstrap(), minimumGap: Double = 0.05) -> ConfidenceInterval? {
        guard let estimate = ratio(observed: Summary.mean(observed), random: Summary.mean(random),
                                   predicted: Summary.mean(predicted), minimumGap: minimumGap)
        else { return nil }
        var generator = SeededGenerator(seed: bootstrap.seed)
        var statistics: [Double] = []
        statistics.reserveCapacity(bootstrap.resamples)
        for _ in 0..<bootstrap.resamples {
            let o = resampledMean(observed, &generator)
            let r = resampledMean(random, &generator)
            let p = resampledMean(predicted, &generator)
            if let value = ratio(observed: o, random: r, predicted: p, minimumGap: 1e-9) { statistics.append(value) }
        }
        statistics.sort()
        let alpha = (1 - bootstrap.level) / 2
        return ConfidenceInterval(estimate: estimate, lower: Quantile.sorted(statistics, alpha),
                                  upper: Quantile.sorted(statistics, 1 - alpha), level: bootstrap.level)
    }

    private static func resampledMean(_ values: [Double], _ generator: inout SeededGenerator) -> Double {
        guard !values.isEmpty else { return .nan }
        var sum = 0.0
        for _ in values.indices { sum += values[Int.random(in: 0..<values.count, using: &generator)] }
        return sum / Double(values.count)
    }
}
