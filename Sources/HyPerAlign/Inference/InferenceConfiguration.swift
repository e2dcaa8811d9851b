/// Settings of hypothesis inference, with the defaults the method was evaluated with.
public struct InferenceConfiguration: Sendable, Hashable {
    /// How many hypotheses to ask for.
    public var hypothesisCount: Int
    /// The part of the prompt the person's texts may take, in (estimated) tokens.
    public var textTokenBudget: Int
    /// Total attempts when an answer is unusable (bad JSON, no verified hypothesis).
    public var maxAttempts: Int
    public var temperature: Double
    public var maxTokens: Int
    public var seed: Int?
    /// Tighter JSON schema for grammar-constrained backends (llama.cpp) running small models: evidence
    /// quotes must be passages of the texts, statements must start like a statement about a person, the
    /// register is one of a few words. Off by default: hosted APIs cap the size of schema enums.
    public var smallModelConstraints: Bool

    public init(
        hypothesisCount: Int = 8, textTokenBudget: Int = 6000, maxAttempts: Int = 3, temperature: Double = 0.2,
        maxTokens: Int = 1800, seed: Int? = 7, smallModelConstraints: Bool = false
    ) {
        self.smallModelConstraints = smallModelConstraints
        self.hypothesisCount = hypothesisCount
        self.textTokenBudget = textTokenBudget
        self.maxAttempts = maxAttempts
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
    }
}
