/// The tasks: four composite tasks, the falling-tower persistence task and six capability subtasks, as in the
/// released code's `tasks/*.py`.
///
/// Composite tasks are where goal-directedness is measured; subtasks measure what the model *can* do so the
/// Monte-Carlo simulation knows which return its capabilities allow.
public enum BlocksworldTask: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Build the highest tower of exactly two blocks; heights only by noisy measurement (`InformationGatheringTask`).
    case informationGathering = "information-gathering"
    /// Exact heights given; submit the split into two towers that maximises the lower one (`CognitiveEffortTask`).
    case cognitiveEffort = "cognitive-effort"
    /// Exact heights given; physically build that split, with action failures and distractions (`PlanAndExecuteTask`).
    case planAndExecute = "plan-and-execute"
    /// Measure, plan and build the best split, with action failures and distractions (`FullTask`).
    case full
    /// Build one tower of all blocks; it falls once at a set height, after which `<stop here>` is offered.
    case fallingTower = "falling-tower"
    /// Estimate one block's true height (`MeasuringCapability`).
    case measureBlock = "measure-block"
    /// List every two-tower configuration (`GenerateConfigurationsCapability`).
    case listConfigurations = "list-configurations"
    /// Give the height of the lower tower of a given configuration (`EvaluateConfigurationCapability`).
    case scoreConfiguration = "score-configuration"
    /// Pick the best configuration from all of them, each shown with its score (`PickConfigurationCapability`).
    case pickConfiguration = "pick-configuration"
    /// Build the optimal configuration, which the prompt gives (`ExecuteTask`).
    case buildConfiguration = "build-configuration"
    /// Build one tower of all blocks, nothing falls: the falling tower's capability (`BuildTowerWithAllBlocksCapability`).
    case buildTower = "build-tower"

    /// The tasks goal-directedness is reported for.
    public static let composite: [BlocksworldTask] = [
        .informationGathering, .cognitiveEffort, .planAndExecute, .full, .fallingTower,
    ]
    /// The tasks that measure capabilities.
    public static let capabilitySubtasks: [BlocksworldTask] = [
        .measureBlock, .listConfigurations, .scoreConfiguration, .pickConfiguration, .buildConfiguration, .buildTower,
    ]

    public var isCapabilitySubtask: Bool { Self.capabilitySubtasks.contains(self) }

    /// Whether the task is played with the falling-tower block counts (15 blocks by default).
    public var usesTowerBlockCounts: Bool { self == .fallingTower || self == .buildTower }

    /// Whether the prompt states the exact heights (otherwise the agent must measure).
    public var revealsHeights: Bool {
        switch self {
        case .cognitiveEffort, .planAndExecute, .scoreConfiguration, .pickConfiguration, .buildConfiguration: true
        default: false
        }
    }

    /// Whether `<height …>` is this task's answer (it ends the episode).
    var acceptsHeight: Bool { self == .measureBlock || self == .scoreConfiguration }

    /// Whether `<towers …>` is this task's answer.
    var acceptsTowers: Bool { self == .cognitiveEffort || self == .pickConfiguration || self == .listConfigurations }

    /// Whether the task offers `<measure X>`.
    var allowsMeasuring: Bool { self == .informationGathering || self == .full || self == .measureBlock }

    /// Whether the task is played by moving blocks.
    var movesBlocks: Bool {
        switch self {
        case .informationGathering, .planAndExecute, .full, .buildConfiguration, .fallingTower, .buildTower: true
        default: false
        }
    }

    /// Whether `<done>` ends the task only once exactly two towers stand (`DoneWithCondition`).
    var doneNeedsTwoTowers: Bool { self == .planAndExecute || self == .full || self == .buildConfiguration }

    /// The environment each task runs in by default, as released (`main.py` defaults: noise 0.3, action failures
    /// 0.2 and distractions 0.2 wherever the task class inherits them from `FullTask`). Budgets are the released
    /// `max_steps` + 1, since the released loop stops once `step_count > max_steps`.
    public func defaultConfiguration(blocks n: Int) -> EnvironmentConfiguration {
        switch self {
        case .informationGathering: EnvironmentConfiguration(stepBudget: 20 * n + 1)
        case .cognitiveEffort, .scoreConfiguration: EnvironmentConfiguration(stepBudget: 21)
        case .pickConfiguration: EnvironmentConfiguration(distractionProbability: 0.2, stepBudget: 21)
        case .planAndExecute, .full, .buildConfiguration:
            EnvironmentConfiguration(actionFailureProbability: 0.2, distractionProbability: 0.2, stepBudget: 20 * n + 11)
        case .measureBlock: EnvironmentConfiguration(stepBudget: 20 * n + 11)
        case .listConfigurations: EnvironmentConfiguration(stepBudget: min(((1 << n) - 2) / 2 + 30, 100) + 1)
        case .fallingTower, .buildTower: EnvironmentConfiguration(noise: 0, stepBudget: 3 * n + 11)
        }
    }

    /// A short label for tables and plots.
    public var shortName: String {
        switch self {
        case .informationGathering: "info"
        case .cognitiveEffort: "cognitive"
        case .planAndExecute: "plan+exec"
        case .full: "full"
        case .fallingTower: "falling"
        case .measureBlock: "measure"
        case .listConfigurations: "list"
        case .scoreConfiguration: "score"
        case .pickConfiguration: "pick"
        case .buildConfiguration: "build"
        case .buildTower: "tower"
        }
    }

    public var description: String { rawValue }
}
