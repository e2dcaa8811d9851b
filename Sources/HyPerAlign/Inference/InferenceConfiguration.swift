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
    /// Evidence cited by sentence number and the three categories asked for as parallel requests (see
    /// ``NumberedSentences``). Default: on with `smallModelConstraints`.
    public var citesSentences: Bool
    /// With `citesSentences`, the budget for the numbered sentences, in estimated tokens: each of the
    /// three parallel requests reads them, so on a CPU this is what inference time scales with.
    public var sentenceTokenBudget: Int
    /// With `citesSentences`, whether the three category requests run in parallel. Default: off with
    /// `smallModelConstraints`. On a local CPU server, one request after another on the same slot reads
    /// the shared prompt once (llama.cpp reuses a slot's cached prefix but never shares it across slots):
    /// measured here with one free core, 10 s in sequence against 19 s in parallel for the same three
    /// requests. Parallel pays off on hosted providers and servers with cores to spare.
    public var parallelCategories: Bool

    public init(
        hypothesisCount: Int = 8, textTokenBudget: Int = 6000, maxAttempts: Int = 3, temperature: Double = 0.2,
        maxTokens: Int = 1800, seed: Int? = 7, smallModelConstraints: Bool = false,
        citesSentences: Bool? = nil, sentenceTokenBudget: Int = 1200, parallelCategories: Bool? = nil
    ) {
        self.parallelCategories = parallelCategories ?? !smallModelConstraints
        self.smallModelConstraints = smallModelConstraints
        self.citesSentences = citesSentences ?? smallModelConstraints
        self.sentenceTokenBudget = sentenceTokenBudget
        self.hypothesisCount = hypothesisCount
        self.textTokenBudget = textTokenBudget
        self.maxAttempts = maxAttempts
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
    }
}
