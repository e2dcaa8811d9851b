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
        _ = try GoalsRunSettings.load(directory: directory)  // refuses folders written by an older evaluation
        let store = try ResultStore(url: file)
        let results = await store.all()
        try GoalsReport(directory: directory, quiet: false).write(results: results, json: json)
    }
}

/// Writes summary.json, report.md and goal-directedness.svg into a run folder and prints the table.
struct GoalsReport {
    var directory: URL
    var quiet: Bool

    func write(results: [EpisodeResult], json: Bool) throws {
        let rows = GoalDirectednessAnalysis().rows(for: results)
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
        Console.out("model\ttask\tblocks\tvariant\tcompleted\tunfinished\tunit\tobserved\trandom\tpredicted\tobserved01\trandom01\tpredicted01\tgoal-directedness [95% CI]")
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
        for row in rows {
            let gd = row.goalDirectedness.map(\.description) ?? "n/a (no gap over a random answer)"
            Console.out([row.model, row.task.rawValue, "\(row.blocks)", row.variant.rawValue, "\(row.episodes)", "\(row.unfinished)",
                         row.unit, number(row.observed?.estimate), number(row.random), number(row.predicted),
                         number(row.observedNormalised), number(row.randomNormalised), number(row.predictedNormalised), gd]
                .joined(separator: "\t"))
        }
        if !quiet { Console.note("report: \(directory.appendingPathComponent("report.md").path)") }
    }
}
