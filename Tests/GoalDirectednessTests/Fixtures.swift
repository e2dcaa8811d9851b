import Foundation
@testable import GoalDirectedness

/// Shared, lazily computed inputs so the expensive scripted-agent runs happen once per test process.
enum Fixtures {
    static func prompt() throws -> TaskPrompt { TaskPrompt(library: try BlocksworldPromptLibrary.bundled()) }

    /// Episodes per cell in the scripted-agent grid.
    static let seeds: Range<UInt64> = 0..<40

    static let grid = EvaluationGrid(
        models: ["optimal", "random", "skip-measuring"], blockCounts: [3, 5], fallingTowerBlockCounts: [6, 12], seeds: seeds)

    static let analysis = GoalDirectednessAnalysis(baseline: RandomBaseline(episodes: 200))

    /// Every scripted-agent episode of `grid`.
    static let results = Task { () throws -> [EpisodeResult] in
        let agents: [String: any BlocksworldAgent] = [
            "optimal": OptimalAgent(), "random": RandomAgent(seed: 7), "skip-measuring": SkipMeasuringAgent(),
        ]
        return try await GridRunner(runner: try EpisodeRunner(), maximumConcurrentEpisodes: 2).run(grid, agents: agents)
    }

    /// Goal-directedness rows, each model with its own profile except the random agent, which is judged
    /// against full capabilities (its own would not beat chance).
    static let rows = Task { () throws -> [GoalDirectednessRow] in
        let episodes = try await results.value
        let optimalProfile = CapabilityProfile(results: episodes.filter { $0.key.model == "optimal" })
        let rows = try await analysis.rows(for: episodes, runner: try EpisodeRunner(), profiles: ["random": optimalProfile])
        print(MarkdownReportWriter(title: "Scripted agents").render(rows))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("goal-directedness-scripted.svg")
        try SVGPlotWriter(title: "Scripted agents").render(rows).write(to: url, atomically: true, encoding: .utf8)
        return rows
    }
}
