import Foundation
import LanguageModels

/// The deliberative mode (SPEC 1.5): first a hidden deliberation over who the person is (their hypotheses
/// and earlier messages) and the operator's safety policy, then the answer, written with those notes.
///
/// The goal is to help benign users more (no needless refusals) while still refusing harmful requests.
/// The deliberation is returned for audit but is not part of the answer.
///
/// ```swift
/// let result = try await DeliberativeGenerator(model: model, policy: policy)
///     .respond(to: "How do I kill a stuck process?", profile: profile, hypotheses: set)
/// ```
public struct DeliberativeGenerator<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var policy: SafetyPolicy
    public var options: GenerationOptions
    /// The budget of the hidden deliberation, in tokens.
    public var deliberationTokens: Int

    public init(
        model: Model, prompts: PromptLibrary = .standard(), policy: SafetyPolicy, options: GenerationOptions = .init(),
        deliberationTokens: Int = 300
    ) {
        self.model = model
        self.prompts = prompts
        self.policy = policy
        self.options = options
        self.deliberationTokens = deliberationTokens
    }

    /// Deliberates, then answers `request` for the person.
    public func respond(to request: String, profile: UserProfile, hypotheses: HypothesisSet?) async throws -> DeliberativeAnswer {
        let deliberate = prompts[.deliberate]
        let values = [
            "hypotheses": hypotheses.map { PromptAssembler.render($0.hypotheses) } ?? "- (none inferred)",
            "earlier_messages": TextBlocks.render(TextBlocks.select(profile.texts, tokenBudget: 1200), tag: "message"),
            "policy": policy.text,
            "request": request,
        ]
        var messages: [ChatMessage] = []
        let system = try deliberate.renderSystem(values)
        if !system.isEmpty { messages.append(.system(system)) }
        messages.append(.user(try deliberate.renderUser(values)))
        let notes = try await model.complete(ChatRequest(
            messages: messages, temperature: 0, maxTokens: deliberationTokens, seed: options.seed,
            frequencyPenalty: options.frequencyPenalty)).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let answerTemplate = prompts[.deliberateAnswer]
        let answerValues = values.merging(["deliberation": notes]) { _, new in new }
        var answerMessages: [ChatMessage] = []
        let answerSystem = try answerTemplate.renderSystem(answerValues)
        if !answerSystem.isEmpty { answerMessages.append(.system(answerSystem)) }
        answerMessages.append(.user(try answerTemplate.renderUser(answerValues)))
        let answer = try await model.complete(ChatRequest(
            messages: answerMessages, temperature: options.temperature, maxTokens: options.maxTokens, seed: options.seed,
            frequencyPenalty: options.frequencyPenalty))
        return DeliberativeAnswer(deliberation: notes, answer: answer)
    }
}
