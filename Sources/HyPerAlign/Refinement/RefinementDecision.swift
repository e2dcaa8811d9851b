/// What refinement did with one hypothesis, and why (SPEC 1.4).
public struct RefinementDecision: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Derived from a statistic of the texts (Stylometry), checked by re-measuring.
        case measured
        /// Inferred by the model, checked by the model on held-out texts.
        case llm
    }

    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Holds on the held-out texts.
        case kept
        /// Still there, but at another strength: restated with the figure measured on all texts.
        case revised
        /// The held-out texts show nothing either way; kept, marked unconfirmed.
        case unconfirmed
        /// Contradicted or reversed on the held-out texts.
        case dropped
    }

    public var kind: Kind
    public var statement: String
    public var outcome: Outcome
    /// The new wording of a revised hypothesis.
    public var revised: String?
    public var reason: String

    /// Whether the hypothesis survives (kept, revised or unconfirmed).
    public var survives: Bool { outcome != .dropped }
}

/// The result of ``HypothesisRefiner/refine(_:)``: the split, every decision, and the surviving set.
public struct RefinementReport: Sendable, Hashable, Codable {
    public var inferenceTexts: Int
    public var heldOutTexts: Int
    public var decisions: [RefinementDecision]

    public var survivors: [RefinementDecision] { decisions.filter(\.survives) }
}
