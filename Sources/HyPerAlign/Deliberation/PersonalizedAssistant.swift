import LanguageModels

/// Answers a request *for* a person — an assistant that knows them — rather than writing *as* them.
///
/// The `hyperalign` generation variant imitates the person's own voice, which is right for an email they
/// will send and wrong for an answer to their question (a nurse asking about dosages wants a clear answer,
/// not one in her texting style). The deliberative benchmark's `hyperalign` arm and the service's
/// generations with `"mode": "for"` use this template (`answer-for-user`).
public struct PersonalizedAssistant<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var options: GenerationOptions

    public init(model: Model, prompts: PromptLibrary = .standard(), options: GenerationOptions = .init()) {
        self.model = model
        self.prompts = prompts
        self.options = options
    }

    /// The answer to `request` for the person, informed by their hypotheses (none: a plain answer).
    public func answer(_ request: String, for profile: UserProfile, hypotheses: HypothesisSet?) async throws -> ChatResponse {
        try await model.complete(chatRequest(request, for: profile, hypotheses: hypotheses))
    }

    /// The exact request sent. The answer budget is ``GenerationOptions/maxTokens`` as it is: an answer for
    /// someone is as long as the question needs, not as long as that person's own texts.
    public func chatRequest(_ request: String, for profile: UserProfile, hypotheses: HypothesisSet?) throws -> ChatRequest {
        let template = prompts[.answerForUser]
        let values = [
            "request": request,
            "hypotheses": hypotheses.map { PromptAssembler.render($0.hypotheses) } ?? "- (none inferred)",
            "attributes": PromptAssembler.render(hypotheses?.attributes ?? InferredAttributes(), known: profile.attributes),
        ]
        var messages: [ChatMessage] = []
        let system = try template.renderSystem(values)
        if !system.isEmpty { messages.append(.system(system)) }
        messages.append(.user(try template.renderUser(values)))
        return ChatRequest(
            messages: messages, temperature: options.temperature, maxTokens: options.maxTokens, seed: options.seed,
            frequencyPenalty: options.frequencyPenalty)
    }
}
