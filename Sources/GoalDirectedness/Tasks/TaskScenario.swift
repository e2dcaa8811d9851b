import Statistics

/// Everything a seed decides about one episode: true heights and the task's givens.
///
/// Generated from `(task, blocks, seed)` alone, so an episode can be replayed or resumed on any machine.
public struct TaskScenario: Sendable, Hashable, Codable {
    public var task: BlocksworldTask
    public var blocks: [Block]
    /// True heights in cm, indexed by `Block.index`, uniform in 5–10 and rounded to 0.1 cm.
    public var heights: [Double]
    public var seed: UInt64
    public var configuration: EnvironmentConfiguration
    /// The block to estimate (measure-block).
    public var targetBlock: Block?
    /// The configuration to score or to build (score-, build-configuration).
    public var givenSplit: TowerSplit?
    /// The candidates to pick from (pick-configuration).
    public var options: [TowerSplit]
    /// The stack size at which the wind knocks the tower down (falling tower).
    public var fallHeight: Int?

    /// The scenario for `task` with `blockCount` blocks and `seed`.
    /// - Parameter configuration: overrides the task's default environment.
    public init(task: BlocksworldTask, blockCount: Int, seed: UInt64, configuration: EnvironmentConfiguration? = nil) {
        precondition((2...Block.maximumCount).contains(blockCount), "block count out of range")
        var generator = SeededGenerator(seed: Seeds.mix(seed, 0x5CE4_A810))
        self.task = task
        self.seed = seed
        self.blocks = Block.first(blockCount)
        self.heights = blocks.map { _ in (Double.random(in: 5...10, using: &generator) * 10).rounded() / 10 }
        self.configuration = configuration ?? task.defaultConfiguration(blocks: blockCount)
        self.targetBlock = task == .measureBlock ? blocks.randomElement(using: &generator) : nil
        let splits = task == .scoreConfiguration || task == .buildConfiguration || task == .pickConfiguration
            ? TowerSplit.all(of: blocks) : []
        self.givenSplit = task == .pickConfiguration ? nil : splits.randomElement(using: &generator)
        self.options = task == .pickConfiguration
            ? Array(splits.shuffled(using: &generator).prefix(4)) : []
        self.fallHeight = task == .fallingTower ? max(2, (2 * blockCount) / 3) : nil
    }

    /// The best achievable lower-tower height and the worst, over all splits.
    public var splitRange: ClosedRange<Double> {
        let scores = TowerSplit.all(of: blocks).map { $0.lowerHeight(heights: heights) }
        return (scores.min() ?? 0)...(scores.max() ?? 0)
    }

    /// The best split under the true heights.
    public var bestSplit: TowerSplit? {
        TowerSplit.all(of: blocks).max { $0.lowerHeight(heights: heights) < $1.lowerHeight(heights: heights) }
    }
}
