import LanguageModels

/// Step 2 of HyPerAlign: answers a request for one person, with the chosen ``GenerationVariant``.
public struct PersonalizedGenerator<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var options: GenerationOptions

    public init(model: Model, prompts: PromptLibrary = .standard(), options: GenerationOptions = .init()) {
        self.model = model
        self.prompts = prompts
        self.options = options
    }

    /// Generates the answer to `request` written as (or for) the person.
    public func generate(
        _ request: String, for profile: UserProfile, hypotheses: HypothesisSet?, variant: GenerationVariant
    ) async throws -> ChatResponse {
        try await model.complete(chatRequest(request, for: profile, hypotheses: hypotheses, variant: variant))
    }

    /// The same, streamed.
    public func stream(
        _ request: String, for profile: UserProfile, hypotheses: HypothesisSet?, variant: GenerationVariant
    ) throws -> AsyncThrowingStream<ChatDelta, any Error> {
        model.stream(try chatRequest(request, for: profile, hypotheses: hypotheses, variant: variant))
    }

    /// The exact chat request a variant sends, for inspection, token accounting and the service.
    /// - Parameter habits: the person's checker (``GenerationOptions/adherenceChecker(for:)``), when the
    ///   caller already built it to check the answer; measured here otherwise.
    public func chatRequest(
        _ request: String, for profile: UserProfile, hypotheses: HypothesisSet?, variant: GenerationVariant,
        habits: AdherenceChecker? = nil
    ) throws -> ChatRequest {
        let messages = try PromptAssembler(prompts: prompts, exampleTokenBudget: options.exampleTokenBudget)
            .messages(
                request: request, profile: profile, hypotheses: hypotheses, variant: variant,
                habits: habits ?? options.adherenceChecker(for: profile))
        return ChatRequest(
            messages: messages, temperature: options.temperature, maxTokens: options.tokenBudget(for: profile),
            seed: options.seed, frequencyPenalty: options.frequencyPenalty)
    }
}

/// A variant that needs hypotheses was asked for without them.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
