import LanguageModels

/// What the deliberative mode produced: the hidden deliberation (never shown to the user) and the answer.
public struct DeliberativeAnswer: Sendable, Hashable {
    /// The private notes over the person's hypotheses and the policy.
    public var deliberation: String
    public var answer: ChatResponse
}
