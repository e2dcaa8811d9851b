import Foundation
import RunFolders

/// The derived files of a goals run folder: `summary.json` (the rows), `report.md` and
/// `goal-directedness.svg`, rebuilt from the episodes by `goals run` and `goals analyze` alike.
package struct GoalsRunReport: Sendable {
    /// The run folder.
    package var directory: URL

    /// The report of the run in `directory`.
    package init(directory: URL) {
        self.directory = directory
    }

    /// The Markdown report's file.
    package var markdownFile: URL { directory.appendingPathComponent("report.md") }

    /// Analyses `results`, writes the three files and returns the rows.
    @discardableResult
    package func write(results: [EpisodeResult]) throws -> [GoalDirectednessRow] {
        let rows = GoalDirectednessAnalysis().rows(for: results)
        var profiles: [String: CapabilityProfile] = [:]
        for model in Set(results.map(\.key.model)) {
            profiles[model] = CapabilityProfile(results: results.filter { $0.key.model == model })
        }
        let plot = "goal-directedness.svg"
        try Data(SVGPlotWriter().render(rows).utf8).write(to: directory.appendingPathComponent(plot), options: .atomic)
        let markdown = MarkdownReportWriter().render(rows, plotPath: plot, profiles: profiles)
        try Data(markdown.utf8).write(to: markdownFile, options: .atomic)
        try RunJSON.write(rows, to: directory.appendingPathComponent("summary.json"))
        return rows
    }
}
