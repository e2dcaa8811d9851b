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
        _ = try GoalsRunManifest.load(directory: directory)  // refuses folders written by an older evaluation
        let results = await try ResultStore(url: file).all()
        let report = GoalsRunReport(directory: directory)
        try GoalsTablePrinter.print(try report.write(results: results), json: json)
        Console.note("report: \(report.markdownFile.path)")
    }
}
