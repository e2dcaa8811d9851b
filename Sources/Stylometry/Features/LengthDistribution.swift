import Statistics

/// Summary of a length distribution (sentence or paragraph lengths in words).
public struct LengthDistribution: Sendable, Hashable, Codable {
    public var count: Int
    public var mean: Double
    public var median: Double
    public var standardDeviation: Double
    /// 10th and 90th percentiles.
    public var p10: Double
    public var p90: Double

    /// Summarises `lengths`; all figures are NaN (count 0) when empty.
    public init(_ lengths: [Int]) {
        let values = lengths.map(Double.init).sorted()
        count = values.count
        mean = Summary.mean(values)
        median = Quantile.sorted(values, 0.5)
        standardDeviation = Summary.standardDeviation(values)
        p10 = Quantile.sorted(values, 0.1)
        p90 = Quantile.sorted(values, 0.9)
    }
}
