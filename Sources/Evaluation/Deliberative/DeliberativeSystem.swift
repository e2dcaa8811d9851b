/// The systems of the deliberative benchmark.
public enum DeliberativeSystem: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The request alone, no persona, no deliberation: the unpersonalized baseline.
    case baseline
    /// The persona's hypotheses in the prompt (HyPerAlign), no deliberation.
    case hyperalign
    /// Hidden deliberation over the hypotheses and the safety policy, then the answer (SPEC 1.5).
    case deliberative

    public var description: String { rawValue }
}
