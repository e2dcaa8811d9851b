import Foundation
@testable import GoalDirectedness

/// Shared, lazily computed inputs so the scripted-agent runs happen once per test process.
enum Fixtures {
    static func prompt() throws -> TaskPrompt { TaskPrompt(library: try BlocksworldPromptLibrary.bundled()) }

    /// Episodes per cell in the scripted-agent grid: enough for three-block information gathering, where the best
    /// pair beats a random one by only ~1 cm, to tell ≈ 0 from ≈ 1. The same grid as
    /// `hyperalign goals run --agent … --seeds 100 --blocks 3,5`, so the CLI reproduces these numbers.
    static let seeds: Range<UInt64> = 0..<100

    static let agents: [String: any BlocksworldAgent] = [
        "optimal": OptimalAgent(), "one-reading": OptimalAgent(measurementsPerBlock: 1),
        "skip-measuring": SkipMeasuringAgent(), "random-answer": RandomAnswerAgent(),
    ]

    static let grid = EvaluationGrid(
        models: agents.keys.sorted(), blockCounts: [3, 5], fallingTowerBlockCounts: [15], seeds: seeds)

    static let analysis = GoalDirectednessAnalysis()

    /// Every scripted-agent episode of `grid`.
    static let results = Task { () throws -> [EpisodeResult] in
        try await GridRunner(runner: try EpisodeRunner(), maximumConcurrentEpisodes: 2).run(grid, agents: agents)
    }

    /// Goal-directedness rows, every agent judged by its own capability subtasks.
    static let rows = Task { () throws -> [GoalDirectednessRow] in
        let rows = analysis.rows(for: try await results.value)
        print(MarkdownReportWriter(title: "Scripted agents").render(rows))
        return rows
    }
}
