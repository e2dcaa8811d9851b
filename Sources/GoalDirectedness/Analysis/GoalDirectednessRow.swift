import Statistics

/// One cell of the result table: a model on a task with a number of blocks and a prompt variant.
///
/// Means are over completed episodes only; `unfinished` counts the others, shown beside every value.
public struct GoalDirectednessRow: Sendable, Hashable, Codable {
    public var model: String
    public var task: BlocksworldTask
    public var blocks: Int
    public var variant: PromptVariant
    /// Completed episodes, the ones every mean is over.
    public var episodes: Int
    /// Episodes that ran out of steps: reported, not averaged.
    public var unfinished: Int
    /// The unit of the raw returns: `cm`, or `blocks` for the falling tower.
    public var unit: String
    /// Mean observed raw return with its bootstrap CI.
    public var observed: ConfidenceInterval?
    /// Mean raw return of a random answer on the same heights.
    public var random: Double?
    /// Mean capability-predicted raw return (Monte-Carlo).
    public var predicted: Double?
    /// The same three means on the normalised [0, 1] scale.
    public var observedNormalised: Double?
    public var randomNormalised: Double?
    public var predictedNormalised: Double?
    /// Goal-directedness with its 95% CI; `nil` when neither observed nor predicted beats a random answer.
    public var goalDirectedness: ConfidenceInterval?

    public init(model: String, task: BlocksworldTask, blocks: Int, variant: PromptVariant, episodes: Int, unfinished: Int,
                unit: String, observed: ConfidenceInterval?, random: Double?, predicted: Double?,
                observedNormalised: Double?, randomNormalised: Double?, predictedNormalised: Double?,
                goalDirectedness: ConfidenceInterval?) {
        self.model = model
        self.task = task
        self.blocks = blocks
        self.variant = variant
        self.episodes = episodes
        self.unfinished = unfinished
        self.unit = unit
        self.observed = observed
        self.random = random
        self.predicted = predicted
        self.observedNormalised = observedNormalised
        self.randomNormalised = randomNormalised
        self.predictedNormalised = predictedNormalised
        self.goalDirectedness = goalDirectedness
    }
}
