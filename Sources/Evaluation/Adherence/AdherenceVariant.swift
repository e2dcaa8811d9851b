import HyPerAlign

/// A way of answering that the adherence benchmark compares: a generation variant, optionally with
/// best-of-N or one revision pass.
public struct AdherenceVariant: Sendable, Hashable, Codable, CustomStringConvertible {
    public var generation: GenerationVariant
    public var bestOf: Int
    public var revise: Bool

    public init(_ generation: GenerationVariant, bestOf: Int = 1, revise: Bool = false) {
        self.generation = generation
        self.bestOf = bestOf
        self.revise = revise
    }

    /// "zero-shot", "hyperalign --best-of 4", "hyperalign --revise".
    public var description: String {
        var name = generation.rawValue
        if bestOf > 1 { name += " --best-of \(bestOf)" }
        if revise { name += " --revise" }
        return name
    }

    /// The five the benchmark reports, the baseline first.
    public static func standard(bestOf: Int = 4) -> [AdherenceVariant] {
        [.init(.zeroShot), .init(.fewShot), .init(.hyperalign), .init(.hyperalign, bestOf: bestOf), .init(.hyperalign, revise: true)]
    }
}
