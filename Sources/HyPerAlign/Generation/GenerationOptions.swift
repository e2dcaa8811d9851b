/// Sampling and budget settings for personalized generation.
public struct GenerationOptions: Sendable, Hashable {
    public var temperature: Double?
    /// The largest answer, in tokens.
    public var maxTokens: Int?
    public var seed: Int?
    /// Discourages loops; useful with small local models.
    public var frequencyPenalty: Double?
    /// The budget for the person's texts in the example variants, in estimated tokens.
    public var exampleTokenBudget: Int
    /// Caps `maxTokens` at about 1.5× the person's median text length (the top of the length habit's band,
    /// at ~1.15 tokens a word), so a model that runs to the budget still ends near the person's length; the
    /// same cap for every variant, so a comparison is not decided by truncation.
    public var lengthAwareBudget: Bool

    public init(
        temperature: Double? = 0.7, maxTokens: Int? = 700, seed: Int? = 7, frequencyPenalty: Double? = nil,
        exampleTokenBudget: Int = 6000, lengthAwareBudget: Bool = true
    ) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.frequencyPenalty = frequencyPenalty
        self.exampleTokenBudget = exampleTokenBudget
        self.lengthAwareBudget = lengthAwareBudget
    }

    /// The habits an answer as `profile` is asked for and checked against: the person's measured habits,
    /// with the length cut to what ``tokenBudget(for:)`` can hold, so no answer is asked for a length it
    /// cannot reach and then failed on it.
    public func adherenceChecker(for profile: UserProfile) -> AdherenceChecker {
        let checker = AdherenceChecker(profile: profile)
        guard let budget = tokenBudget(for: profile) else { return checker }
        return checker.fitted(toTokenBudget: budget)
    }

    /// The token budget for answering as `profile`.
    public func tokenBudget(for profile: UserProfile) -> Int? {
        guard lengthAwareBudget, !profile.texts.isEmpty else { return maxTokens }
        let words = profile.texts.map(\.wordCount).sorted()[profile.texts.count / 2]
        let derived = max(96, Int((Double(words) * 1.5 * 1.15).rounded(.up)))
        return min(maxTokens ?? derived, derived)
    }
}
