import Statistics

/// The noisy ruler behind `<measure X>`.
///
/// Readings are Gaussian around the true height with sd = `noise` × height, redrawn until they fall inside
/// (0, 2h): the truncation is symmetric, so readings stay unbiased and never absurd.
public struct MeasurementNoise: Sendable, Hashable {
    public var noise: Double

    public init(noise: Double) {
        self.noise = noise
    }

    /// One reading of a block whose true height is `height`.
    public func reading(of height: Double, using generator: inout SeededGenerator) -> Double {
        guard noise > 0 else { return height }
        for _ in 0..<1000 {
            let value = height + noise * height * generator.nextGaussian()
            if value > 0, value < 2 * height { return value }
        }
        return height
    }
}
