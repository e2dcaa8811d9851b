/// The ways of answering a request that the evaluation compares, all first-class.
public enum GenerationVariant: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The request alone: the unpersonalized baseline.
    case zeroShot = "zero-shot"
    /// The person's texts as examples, no hypotheses.
    case fewShot = "few-shot"
    /// Hypotheses and attributes: the HyPerAlign method.
    case hyperalign
    /// Hypotheses, attributes and the person's texts.
    case hyperalignExamples = "hyperalign+examples"

    public var description: String { rawValue }

    var templateName: PipelinePrompt {
        switch self {
        case .zeroShot: .generateZeroShot
        case .fewShot: .generateFewShot
        case .hyperalign: .generateHyperalign
        case .hyperalignExamples: .generateHyperalignExamples
        }
    }

    /// Whether this variant needs inferred hypotheses.
    public var needsHypotheses: Bool { self == .hyperalign || self == .hyperalignExamples }
}
