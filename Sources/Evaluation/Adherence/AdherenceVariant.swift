import HyPerAlign

/// A way of answering that the adherence benchmark compares: a generation variant, optionally with
/// best-of-N, one revision pass, or mechanical repair.
public struct AdherenceVariant: Sendable, Hashable, Codable, CustomStringConvertible {
    public var generation: GenerationVariant
    public var bestOf: Int
    public var revise: Bool
    /// Candidates repaired mechanically before they are checked (no model call: the same candidates).
    public var repair: Bool

    public init(_ generation: GenerationVariant, bestOf: Int = 1, revise: Bool = false, repair: Bool = false) {
        self.generation = generation
        self.bestOf = bestOf
        self.revise = revise
        self.repair = repair
    }

    /// "zero-shot", "hyperalign --best-of 4", "hyperalign --revise".
    public var description: String {
        var name = generation.rawValue
        if bestOf > 1 { name += " --best-of \(bestOf)" }
        if revise { name += " --revise" }
        if repair { name += " --repair" }
        return name
    }

    /// The nine the benchmark reports, the baseline first: the four generation variants (SPEC 1.3), best-of
    /// for both HyPerAlign ones, one revision pass, and two `--repair` rows that re-use the answers of the rows
    /// above them (repair makes no model call).
    public static func standard(bestOf: Int = 4) -> [AdherenceVariant] {
        [
            .init(.zeroShot), .init(.fewShot), .init(.hyperalign), .init(.hyperalignExamples),
            .init(.hyperalign, bestOf: bestOf), .init(.hyperalignExamples, bestOf: bestOf), .init(.hyperalign, revise: true),
            .init(.hyperalign, repair: true), .init(.hyperalign, bestOf: bestOf, repair: true),
        ]
    }
}
