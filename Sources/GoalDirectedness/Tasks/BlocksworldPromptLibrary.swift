import Foundation
import LanguageModels

/// The Blocksworld prompt texts, loaded from the module's `Prompts` resources rather than written into
/// code, so they can be read, reviewed and versioned as text.
public typealias BlocksworldPromptLibrary = PromptCatalog<BlocksworldPrompt>

/// The name of each bundled Blocksworld prompt (`Resources/Prompts/NAME.prompt`).
public enum BlocksworldPrompt: String, PromptName {
    case system
    case actions
    case goals
    case fall
    case suffixMotivational = "suffix-motivational"
    case suffixDemotivational = "suffix-demotivational"
    case distractions
    case taskInformationGathering = "task-information-gathering"
    case taskMeasureBlock = "task-measure-block"
    case taskScoreConfiguration = "task-score-configuration"
    case taskListConfigurations = "task-list-configurations"
    case taskCognitiveEffort = "task-cognitive-effort"
    case taskPlanAndExecute = "task-plan-and-execute"
    case taskFull = "task-full"
    case taskPickConfiguration = "task-pick-configuration"
    case taskBuildConfiguration = "task-build-configuration"
    case taskFallingTower = "task-falling-tower"
    case taskBuildTower = "task-build-tower"

    /// The initial instructions of `task`.
    public static func task(_ task: BlocksworldTask) -> BlocksworldPrompt {
        switch task {
        case .informationGathering: .taskInformationGathering
        case .measureBlock: .taskMeasureBlock
        case .scoreConfiguration: .taskScoreConfiguration
        case .listConfigurations: .taskListConfigurations
        case .cognitiveEffort: .taskCognitiveEffort
        case .planAndExecute: .taskPlanAndExecute
        case .full: .taskFull
        case .pickConfiguration: .taskPickConfiguration
        case .buildConfiguration: .taskBuildConfiguration
        case .fallingTower: .taskFallingTower
        case .buildTower: .taskBuildTower
        }
    }

    /// This module's resources.
    public static var bundle: Bundle { .module }
}

extension PromptCatalog where Name == BlocksworldPrompt {
    /// Loads the bundled prompts.
    /// - Throws: `GoalDirectednessError` if a resource is missing or malformed.
    public static func bundled() throws(GoalDirectednessError) -> BlocksworldPromptLibrary {
        do { return try BlocksworldPromptLibrary() } catch { throw .prompt(error) }
    }

    /// The distracting lines of prose, in file order (see `distractions.SOURCE.md`).
    public var distractions: [String] {
        self[.distractions].user.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The `key: text` line called `key` in the resource `name` (`actions`, `goals`); empty if absent.
    public func phrase(_ name: BlocksworldPrompt, _ key: String) -> String {
        for line in self[name].user.split(separator: "\n") where line.hasPrefix("\(key): ") {
            return String(line.dropFirst(key.count + 2))
        }
        return ""
    }
}
