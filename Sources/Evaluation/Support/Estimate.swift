import Foundation
import Statistics

/// A point estimate with its 95% bootstrap interval and sample size (a rate, a mean or a relative change).
public struct Estimate: Sendable, Hashable, Codable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var n: Int

    public init(_ interval: ConfidenceInterval, n: Int) {
        estimate = interval.estimate
        lower = interval.lower
        upper = interval.upper
        self.n = n
    }

    /// The share of `true` values.
    public static func rate(_ values: [Bool], bootstrap: Bootstrap = Bootstrap()) -> Estimate {
        Estimate(bootstrap.meanInterval(values.map { $0 ? 1 : 0 }), n: values.count)
    }

    /// The mean of `values`.
    public static func mean(_ values: [Double], bootstrap: Bootstrap = Bootstrap()) -> Estimate {
        Estimate(bootstrap.meanInterval(values), n: values.count)
    }

    /// mean(treated) / mean(control) − 1 over paired values, resampling the pairs.
    public static func relativeChange(_ pairs: [(treated: Double, control: Double)], bootstrap: Bootstrap = Bootstrap()) -> Estimate {
        let interval = bootstrap.interval(of: pairs) { sample in
            let control = Summary.mean(sample.map(\.control))
            return control > 0 ? Summary.mean(sample.map(\.treated)) / control - 1 : .nan
        }
        return Estimate(interval, n: pairs.count)
    }

    /// "0.27 [0.13, 0.40] (n=15)", or with `percent`, "+12% [−3%, +25%] (n=15)".
    public func text(percent: Bool = false) -> String {
        guard n > 0, estimate.isFinite else { return "n/a (n=\(n))" }
        if percent {
            func p(_ x: Double) -> String { "\(x >= 0 ? "+" : "")\(Int((x * 100).rounded()))%" }
            return "\(p(estimate)) [\(p(lower)), \(p(upper))] (n=\(n))"
        }
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        return "\(f(estimate)) [\(f(lower)), \(f(upper))] (n=\(n))"
    }
}
