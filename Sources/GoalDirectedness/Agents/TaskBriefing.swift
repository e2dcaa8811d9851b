/// What the task prompt tells the agent, in structured form; never the hidden true heights unless the prompt
/// states them.
public struct TaskBriefing: Sendable, Hashable, Codable {
    public var task: BlocksworldTask
    public var blocks: [Block]
    /// The exact heights, only for tasks whose prompt states them.
    public var statedHeights: [Double]?
    public var targetBlock: Block?
    public var givenSplit: TowerSplit?
    public var options: [TowerSplit]
    public var stepBudget: Int
    /// A per-episode seed for scripted agents' own randomness (language models have their own).
    public var seed: UInt64

    /// The briefing a scenario's prompt amounts to.
    public init(scenario: TaskScenario) {
        task = scenario.task
        blocks = scenario.blocks
        statedHeights = scenario.task.revealsHeights ? scenario.heights : nil
        targetBlock = scenario.targetBlock
        givenSplit = scenario.givenSplit
        options = scenario.options
        stepBudget = scenario.configuration.stepBudget
        seed = Seeds.mix(scenario.seed, 0xA6E7)
    }
}
