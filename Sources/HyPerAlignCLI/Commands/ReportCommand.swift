import ArgumentParser
import Evaluation
import Foundation

/// `hyperalign report RUN`: rebuilds a run's summary and reports from its JSONL records, with no model.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild summary.json, report.md, report.html and the plot of a run folder from its records.")

    @Argument(help: "The run folder (as given to --out).") var run: String
    @Flag(help: "Print the summary as JSON.") var json = false

    struct Kind: Decodable { var kind: String }

    func run() async throws {
        let files = RunFiles(directory: URL(fileURLWithPath: run, isDirectory: true))
        let kind = try RunFiles.readJSON(Kind.self, from: files.manifest).kind
        switch kind {
        case "authorship":
            let summary = try AuthorshipRunReader(files: files).summary()
            try AuthorshipReport(summary: summary).write(to: files)
            if json { return try Console.json(summary) }
            Console.out(AuthorshipReport(summary: summary).markdown())
        case "deliberative":
            let summary = try DeliberativeRunReader(files: files).summary()
            try DeliberativeReport(summary: summary).write(to: files)
            if json { return try Console.json(summary) }
            Console.out(DeliberativeReport(summary: summary).markdown())
        default:
            throw CLIFailure("\(files.manifest.path): unknown run kind '\(kind)'", exitCode: .badInput)
        }
        Console.note("report: \(files.html.path)")
    }
}
