import ArgumentParser
import Foundation
import GoalDirectedness
import Statistics

/// `hyperalign goals analyze RUN`: goal-directedness with bootstrap CIs from a run's episodes.
struct GoalsAnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a run: observed, random and capability-predicted returns, goal-directedness with CIs.")

    @Argument(help: "The run folder (holding episodes.jsonl).") var run: String
    @Flag(help: "Print the rows as JSON.") var json = false

    func run() async throws {
        let directory = URL(fileURLWithPath: run, isDirectory: true)
        let file = directory.appendingPathComponent("episodes.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw CLIFailure("no episodes in \(directory.path) (expected episodes.jsonl; run `hyperalign goals run --run \(run)` first)", exitCode: .notFound)
        }
        let store = try ResultStore(url: file)
        let results = await store.all()
        let settings = try GoalsRunSettings.load(directory: directory) ?? GoalsRunSettings()
        try await GoalsReport(directory: directory, quiet: false).write(results: results, runner: try settings.runner(), json: json)
    }
}

/// Writes summary.json, report.md and goal-directedness.svg into a run folder and prints the table.
struct GoalsReport {
    var directory: URL
    var quiet: Bool

    func write(results: [EpisodeResult], runner: EpisodeRunner, json: Bool) async throws {
        let rows = try await GoalDirectednessAnalysis().rows(for: results, runner: runner)
        let models = Set(results.map(\.key.model))
        var profiles: [String: CapabilityProfile] = [:]
        for model in models { profiles[model] = CapabilityProfile(results: results.filter { $0.key.model == model }) }
        let svg = SVGPlotWriter().render(rows)
        try svg.write(to: directory.appendingPathComponent("goal-directedness.svg"), atomically: true, encoding: .utf8)
        let markdown = MarkdownReportWriter().render(rows, plotPath: "goal-directedness.svg", profiles: profiles)
        try markdown.write(to: directory.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(rows).write(to: directory.appendingPathComponent("summary.json"))
        if json { return try Console.json(rows) }
        Console.out("model\ttask\tblocks\tvariant\tn\tobserved\trandom\tpredicted\tgoal-directedness [95% CI]")
        for row in rows {
            let gd = row.goalDirectedness.map(\.description) ?? "n/a (no capability gap over random)"
            Console.out(String(format: "%@\t%@\t%d\t%@\t%d\t%.3f\t%.3f\t%.3f\t%@",
                               row.model, row.task.rawValue, row.blocks, row.variant.rawValue, row.episodes,
                               row.observed.estimate, row.random, row.predicted, gd))
        }
        if !quiet { Console.note("report: \(directory.appendingPathComponent("report.md").path)") }
    }
}
