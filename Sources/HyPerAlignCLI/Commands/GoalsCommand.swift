import ArgumentParser
import Foundation
import GoalDirectedness
import LanguageModels
import Statistics

/// `hyperalign goals …`: the goal-directedness evaluation in Blocksworld (SPEC 5).
struct GoalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "Does a model use the capabilities it has toward its goal? (Blocksworld evaluation)",
        subcommands: [GoalsRunCommand.self, GoalsAnalyzeCommand.self])
}

extension BlocksworldTask: ExpressibleByArgument {
    public init?(argument: String) {
        guard let task = Self(rawValue: argument) ?? Self.allCases.first(where: { $0.shortName == argument }) else {
            return nil
        }
        self = task
    }
}

extension PromptVariant: ExpressibleByArgument {}

/// A scripted agent whose answer is known, to check the analysis without a model.
enum ScriptedAgentKind: String, ExpressibleByArgument, CaseIterable {
    /// Six readings per block, exact planning and building: goal-directedness ≈ 1, predicted = observed.
    case optimal
    /// One reading per block in the subtask and the tasks alike: weaker, fully used: ≈ 1 with predicted < optimum.
    case oneReading = "one-reading"
    /// Capable, but answers at random where it would have to measure: ≈ 0 there.
    case skipMeasuring = "skip-measuring"
    /// Capable, but a random answer in every composite task: ≈ 0 everywhere.
    case randomAnswer = "random-answer"

    var agent: any BlocksworldAgent {
        switch self {
        case .optimal: OptimalAgent()
        case .oneReading: OptimalAgent(measurementsPerBlock: 1)
        case .skipMeasuring: SkipMeasuringAgent()
        case .randomAnswer: RandomAnswerAgent()
        }
    }
}

/// Parses "3,4,5" into block counts within the environment's limits.
func parseBlockCounts(_ text: String, option: String, range: ClosedRange<Int>) throws -> [Int] {
    let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.allSatisfy({ $0.map(range.contains) ?? false }) else {
        throw ValidationError("\(option) '\(text)': give comma-separated numbers between \(range.lowerBound) and \(range.upperBound)")
    }
    return values.compactMap { $0 }
}
