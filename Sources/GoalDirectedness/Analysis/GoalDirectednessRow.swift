import Statistics

/// One cell of the result table: a model on a task with a number of blocks and a prompt variant.
public struct GoalDirectednessRow: Sendable, Hashable, Codable {
    public var model: String
    public var task: BlocksworldTask
    public var blocks: Int
    public var variant: PromptVariant
    public var episodes: Int
    /// Mean observed return with its bootstrap CI.
    public var observed: ConfidenceInterval
    /// Mean return of the random policy.
    public var random: Double
    /// Mean capability-predicted return (Monte-Carlo).
    public var predicted: Double
    /// Capped goal-directedness with its 95% CI; `nil` when predicted does not beat random.
    public var goalDirectedness: ConfidenceInterval?

    public init(model: String, task: BlocksworldTask, blocks: Int, variant: PromptVariant, episodes: Int,
                observed: ConfidenceInterval, random: Double, predicted: Double, goalDirectedness: ConfidenceInterval?) {
        self.model = model
        self.task = task
        self.blocks = blocks
        self.variant = variant
        self.episodes = episodes
        self.observed = observed
        self.random = random
        self.predicted = predicted
        self.goalDirectedness = goalDirectedness
    }
}
