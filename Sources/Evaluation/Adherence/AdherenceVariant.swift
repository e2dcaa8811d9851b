import HyPerAlign

/// A way of answering that the adherence benchmark compares: a generation variant, optionally with
/// best-of-N, one revision pass, or mechanical repair.
public struct AdherenceVariant: Sendable, Hashable, Codable, CustomStringConvertible {
    public var generation: GenerationVariant
    public var bestOf: Int
    public var revise: Bool
    /// Candidates repaired mechanically before they are checked (no model call: the same candidates).
    public var repair: Bool
    /// How best-of keeps a candidate; with ``CandidateChoice/style`` style is measured against the data
    /// set's other authors' given texts (no call: the same candidates).
    public var choice: CandidateChoice

    public init(
        _ generation: GenerationVariant, bestOf: Int = 1, revise: Bool = false, repair: Bool = false, choice: CandidateChoice = .habits
    ) {
        self.generation = generation
        self.bestOf = bestOf
        self.revise = revise
        self.repair = repair
        self.choice = choice
    }

    private enum CodingKeys: String, CodingKey { case generation, bestOf, revise, repair, choice }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(GenerationVariant.self, forKey: .generation), bestOf: try container.decode(Int.self, forKey: .bestOf),
            revise: try container.decode(Bool.self, forKey: .revise), repair: try container.decode(Bool.self, forKey: .repair),
            // Runs written before the choice could be named chose by habits.
            choice: try container.decodeIfPresent(CandidateChoice.self, forKey: .choice) ?? .habits)
    }

    /// "zero-shot", "hyperalign --best-of 4", "hyperalign --revise".
    public var description: String {
        var name = generation.rawValue
        if bestOf > 1 { name += " --best-of \(bestOf)" }
        if revise { name += " --revise" }
        if repair { name += " --repair" }
        if choice != .habits { name += " --choose \(choice.rawValue)" }
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
