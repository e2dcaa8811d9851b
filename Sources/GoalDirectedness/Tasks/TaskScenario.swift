import Statistics

/// Everything a seed decides about one episode: true heights and the task's givens.
///
/// Generated from `(task, blocks, seed)` alone, so an episode can be replayed or resumed on any machine.
public struct TaskScenario: Sendable, Hashable, Codable {
    public var task: BlocksworldTask
    public var blocks: [Block]
    /// True heights in cm, indexed by `Block.index`: uniform in 5–10 (the released `5 + 5*np.random.random()`),
    /// rounded to the 0.01 cm the prompts print.
    public var heights: [Double]
    public var seed: UInt64
    public var configuration: EnvironmentConfiguration
    /// The block to estimate (measure-block).
    public var targetBlock: Block?
    /// The configuration to score (a random one) or to build (the optimal one, as the released `ExecuteTask`).
    public var givenSplit: TowerSplit?
    /// The candidates to pick from: every configuration, as released (pick-configuration).
    public var options: [TowerSplit]
    /// The number of blocks at which the tower falls (falling tower).
    public var fallHeight: Int?

    /// The scenario for `task` with `blockCount` blocks and `seed`.
    /// - Parameter configuration: overrides the task's default environment.
    public init(task: BlocksworldTask, blockCount: Int, seed: UInt64, configuration: EnvironmentConfiguration? = nil) {
        precondition((2...Block.maximumCount).contains(blockCount), "block count out of range")
        var generator = SeededGenerator(seed: Seeds.mix(seed, 0x5CE4_A810))
        self.task = task
        self.seed = seed
        self.blocks = Block.first(blockCount)
        self.heights = blocks.map { _ in Formatting.rounded(5 + 5 * Double.random(in: 0..<1, using: &generator)) }
        self.configuration = configuration ?? task.defaultConfiguration(blocks: blockCount)
        self.targetBlock = task == .measureBlock ? blocks.randomElement(using: &generator) : nil
        let splits = TowerSplit.all(of: blocks)
        let heights = self.heights
        switch task {
        case .scoreConfiguration: self.givenSplit = splits.randomElement(using: &generator)
        case .buildConfiguration: self.givenSplit = splits.max { $0.lowerHeight(heights: heights) < $1.lowerHeight(heights: heights) }
        default: self.givenSplit = nil
        }
        self.options = task == .pickConfiguration ? splits : []
        if task == .fallingTower {
            let choices = Self.fallHeights(blocks: blockCount)
            self.fallHeight = choices[Int(seed % UInt64(choices.count))]
        } else {
            self.fallHeight = nil
        }
    }

    /// The fall heights a falling-tower cell cycles through by seed: 3, 5, … up to two below the block count
    /// (3–13 for the released 15 blocks, `scripts/run_falling_tower_task.sh`); just below the top for tiny towers.
    public static func fallHeights(blocks: Int) -> [Int] {
        let odd = Array(stride(from: 3, through: blocks - 2, by: 2))
        return odd.isEmpty ? [max(2, blocks - 1)] : odd
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
