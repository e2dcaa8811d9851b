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
}
