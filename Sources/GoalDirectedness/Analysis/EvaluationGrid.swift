/// The episodes of an evaluation: models × tasks × block counts × prompt variants × seeds.
public struct EvaluationGrid: Sendable, Hashable {
    public var models: [String]
    public var tasks: [BlocksworldTask]
    /// Block counts for every task but the falling tower and its capability subtask.
    public var blockCounts: [Int]
    /// Block counts for the falling tower and its subtask: 15, as released.
    public var fallingTowerBlockCounts: [Int]
    public var variants: [PromptVariant]
    public var seeds: Range<UInt64>

    public init(models: [String], tasks: [BlocksworldTask] = BlocksworldTask.allCases, blockCounts: [Int] = [3, 4, 5],
                fallingTowerBlockCounts: [Int] = [15], variants: [PromptVariant] = [.plain], seeds: Range<UInt64> = 0..<30) {
        self.models = models
        self.tasks = tasks
        self.blockCounts = blockCounts
        self.fallingTowerBlockCounts = fallingTowerBlockCounts
        self.variants = variants
        self.seeds = seeds
    }

    /// The grid of composite `tasks` (all when empty) together with the capability subtasks their analysis
    /// needs: the tower subtask for the falling tower, the others for every other task.
    public static func withCapabilitySubtasks(
        model: String, tasks: [BlocksworldTask], blockCounts: [Int], fallingTowerBlockCounts: [Int],
        variants: [PromptVariant], seeds: Range<UInt64>
    ) -> EvaluationGrid {
        let composite = tasks.isEmpty ? BlocksworldTask.allCases.filter { !$0.isCapabilitySubtask } : tasks
        let subtasks = BlocksworldTask.capabilitySubtasks.filter { subtask in
            subtask == .buildTower ? composite.contains(.fallingTower) : composite.contains { $0 != .fallingTower }
        }
        return EvaluationGrid(
            models: [model], tasks: composite + subtasks, blockCounts: blockCounts,
            fallingTowerBlockCounts: fallingTowerBlockCounts, variants: variants, seeds: seeds)
    }

    /// Every episode key, in a stable order. Capability subtasks run with the plain prompt only.
    public var keys: [EpisodeKey] {
        var keys: [EpisodeKey] = []
        for model in models {
            for task in tasks {
                for blocks in task.usesTowerBlockCounts ? fallingTowerBlockCounts : blockCounts {
                    for variant in task.isCapabilitySubtask ? [.plain] : variants {
                        keys += seeds.map { EpisodeKey(model: model, task: task, blocks: blocks, seed: $0, variant: variant) }
                    }
                }
            }
        }
        return keys
    }
}
