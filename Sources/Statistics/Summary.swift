/// Descriptive statistics over plain arrays.
public enum Summary {
    /// The arithmetic mean; NaN for an empty array.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// The median; NaN for an empty array.
    public static func median(_ values: [Double]) -> Double {
        Quantile.sorted(values.sorted(), 0.5)
    }

    /// The sample standard deviation (n − 1); 0 for fewer than two values.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        let ss = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(values.count - 1)).squareRoot()
    }
}

/// Quantiles by linear interpolation between order statistics (type 7, as in R and numpy).
public enum Quantile {
    /// The `p`-quantile of an already sorted array; NaN for an empty one.
    public static func sorted(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = p * Double(sorted.count - 1)
        let lowerIndex = Int(position.rounded(.down))
        let upperIndex = min(lowerIndex + 1, sorted.count - 1)
        let fraction = position - Double(lowerIndex)
        return sorted[lowerIndex] + (sorted[upperIndex] - sorted[lowerIndex]) * fraction
    }
}
