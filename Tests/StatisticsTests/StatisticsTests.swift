import Statistics
import Testing

struct StatisticsTests {
    @Test func seededGeneratorIsReproducible() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test func gaussianHasMeanZeroAndUnitVariance() {
        var generator = SeededGenerator(seed: 1)
        let samples = (0..<20_000).map { _ in generator.nextGaussian() }
        #expect(abs(Summary.mean(samples)) < 0.03)
        #expect(abs(Summary.standardDeviation(samples) - 1) < 0.03)
    }

    @Test func quantilesMatchNumpy() {
        #expect(Quantile.sorted([1, 2, 3, 4], 0.5) == 2.5)
        #expect(Quantile.sorted([1, 2, 3, 4], 0.25) == 1.75)
        #expect(Summary.median([5, 1, 3]) == 3)
        #expect(Quantile.sorted([], 0.5).isNaN)
    }

    @Test func winRateCountsTiesAsHalfWithAnIntervalAroundIt() {
        let outcomes: [PairwiseOutcome] = Array(repeating: .win, count: 60) + Array(repeating: .tie, count: 20) + Array(repeating: .loss, count: 20)
        let rate = WinRate(outcomes: outcomes)
        #expect(rate.interval.estimate == 0.7)
        #expect(rate.interval.lower < 0.7 && rate.interval.upper > 0.7)
        #expect(rate.interval.lower > 0.6 && rate.interval.upper < 0.8)
        #expect(rate.comparisons == 100)
    }

    @Test func bootstrapIsDeterministicForASeed() {
        let values = (0..<50).map { Double($0 % 7) }
        #expect(Bootstrap(seed: 9).meanInterval(values) == Bootstrap(seed: 9).meanInterval(values))
        let degenerate = Bootstrap().meanInterval([2, 2, 2])
        #expect(degenerate.lower == 2 && degenerate.upper == 2)
    }

    /// Ten authors, each all wins or all losses over five prompts: the comparisons are correlated within an
    /// author, so resampling authors gives a wider interval than resampling single comparisons.
    @Test func clusterBootstrapResamplesAuthorsAndIsWiderForCorrelatedRows() {
        let clusters: [[PairwiseOutcome]] = (0..<10).map { Array(repeating: $0 < 6 ? .win : .loss, count: 5) }
        let clustered = WinRate(clusters: clusters)
        let flat = WinRate(outcomes: clusters.flatMap { $0 })
        #expect(clustered.interval.estimate == 0.6 && flat.interval.estimate == 0.6)
        #expect(clustered.comparisons == 50)
        let width = { (rate: WinRate) in rate.interval.upper - rate.interval.lower }
        #expect(width(clustered) > 1.5 * width(flat), "clustered \(clustered.interval), flat \(flat.interval)")
        // Independent rows (one per cluster) give the same interval either way.
        let singles = clusters.map { [$0[0]] }
        #expect(WinRate(clusters: singles).interval == WinRate(outcomes: singles.flatMap { $0 }).interval)
    }
}
