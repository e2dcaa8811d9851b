/// A point estimate with a two-sided confidence interval.
public struct ConfidenceInterval: Sendable, Hashable, Codable, CustomStringConvertible {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// The nominal coverage, e.g. 0.95.
    public var level: Double

    public init(estimate: Double, lower: Double, upper: Double, level: Double = 0.95) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    public var description: String {
        func f(_ x: Double) -> String {
            let scaled = (x * 1000).rounded() / 1000
            return "\(scaled)"
        }
        return "\(f(estimate)) [\(f(lower)), \(f(upper))]"
    }
}
