/// The knobs of one environment: measurement noise, perturbations and the step budget.
public struct EnvironmentConfiguration: Sendable, Hashable, Codable {
    /// Measurement standard deviation as a fraction of the true height.
    public var noise: Double
    /// Probability that an action other than `<help>`/`<done>` is replaced by a random available one (the agent is told).
    public var actionFailureProbability: Double
    /// Probability that the next line of public-domain prose is appended to an observation.
    public var distractionProbability: Double
    /// Actions allowed, including invalid ones, before the episode ends.
    public var stepBudget: Int

    public init(
        noise: Double = 0.3,
        actionFailureProbability: Double = 0,
        distractionProbability: Double = 0,
        stepBudget: Int = 80
    ) {
        self.noise = noise
        self.actionFailureProbability = actionFailureProbability
        self.distractionProbability = distractionProbability
        self.stepBudget = stepBudget
    }
}
