import LanguageModels

/// Infers a person's hypotheses, checked on held-out texts when a baseline is given: what `infer` and
/// `infer --refine` do, as one call.
///
/// ```swift
/// let (set, report, refinement) = try await HypothesisInference(model: model, baselineTexts: posts).run(profile)
/// ```
public struct HypothesisInference<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var configuration: InferenceConfiguration
    /// Texts of other people to compare measured habits with; nil infers without refinement.
    public var baselineTexts: [String]?

    /// An inference, refined when `baselineTexts` is given.
    public init(
        model: Model, prompts: PromptLibrary = .standard(), configuration: InferenceConfiguration = .init(),
        baselineTexts: [String]? = nil
    ) {
        self.model = model
        self.prompts = prompts
        self.configuration = configuration
        self.baselineTexts = baselineTexts
    }

    /// Whether the run refines (infers on part of the texts and checks on the rest).
    public var refines: Bool { baselineTexts != nil }

    /// The hypotheses, what inference used, and the refinement's decisions when it refined.
    public func run(_ profile: UserProfile) async throws -> (set: HypothesisSet, report: InferenceReport, refinement: RefinementReport?) {
        guard let baselineTexts else {
            let (set, report) = try await HypothesisInferencer(model: model, prompts: prompts, configuration: configuration).infer(profile)
            return (set, report, nil)
        }
        let refiner = HypothesisRefiner(model: model, prompts: prompts, inference: configuration, baselineTexts: baselineTexts)
        let (set, refinement) = try await refiner.refine(profile)
        return (set, InferenceReport(textsUsed: refinement.inferenceTexts, textsGiven: profile.texts.count), refinement)
    }
}
