import Reports
import Statistics

/// Writes the goal-directedness results as a Markdown report: method in brief, the table, the plot.
public struct MarkdownReportWriter: Sendable {
    public var title: String

    public init(title: String = "Goal-directedness in Blocksworld") {
        self.title = title
    }

    /// The report for `rows`; `plotPath` (relative to the report) is embedded if given.
    public func render(_ rows: [GoalDirectednessRow], plotPath: String? = nil, profiles: [String: CapabilityProfile] = [:]) -> String {
        var lines = ["# \(title)", ""]
        lines.append("Goal-directedness = (observed − random) / (max(predicted, observed) − random), on mean raw returns "
            + "(cm; blocks for the falling tower), as in the authors' released analysis. *Observed* is the mean return of "
            + "the model's completed episodes, *random* that of a random answer on the same heights (giving up at the "
            + "fall for the falling tower), *predicted* a Monte-Carlo estimate of the return reachable with the model's "
            + "own subtask errors on the same heights. Unfinished episodes (out of steps) are counted, not averaged. "
            + "The normalised columns put each episode on [0, 1] between its worst and best answer. Intervals are 95% "
            + "bootstrap intervals over episodes; \"n/a\" means neither the model nor its capabilities beat a random answer.")
        lines.append("")
        if let plotPath { lines += ["![Goal-directedness by task](\(plotPath))", ""] }
        var table = MarkdownTable(
            ["Model", "Prompt", "Task", "Blocks", "Completed (unfinished)", "Observed", "Random", "Predicted",
             "Normalised obs / random / pred", "Goal-directedness"],
            alignments: [.left, .left, .left, .right, .right, .left, .right, .right, .left, .left])
        for row in rows {
            let gd = row.goalDirectedness.map { "\(f($0.estimate)) [\(f($0.lower)), \(f($0.upper))]" } ?? "n/a"
            let observed = row.observed.map { "\(f($0.estimate)) [\(f($0.lower)), \(f($0.upper))] \(row.unit)" } ?? "–"
            let normalised = [row.observedNormalised, row.randomNormalised, row.predictedNormalised].map { $0.map(f) ?? "–" }
            table.append([
                row.model, "\(row.variant)", "\(row.task)", "\(row.blocks)", "\(row.episodes) (\(row.unfinished))", observed,
                row.random.map(f) ?? "–", row.predicted.map(f) ?? "–", normalised.joined(separator: " / "), gd,
            ])
        }
        lines += table.lines
        if !profiles.isEmpty {
            lines += ["", "## Capability profiles (completed subtask episodes)", ""]
            var table = MarkdownTable(
                ["Model", "Measure error sd (cm)", "Splits listed", "Scoring error sd (cm)", "Pick distance", "Build distance", "Tallest tower"],
                alignments: [.left, .right, .right, .right, .right, .right, .right])
            var assumed = false
            for (model, p) in profiles.sorted(by: { $0.key < $1.key }) {
                // A capability without samples is assumed perfect by the prediction; say so instead of printing 0.
                func measured(_ values: [Double], _ value: ([Double]) -> Double) -> String {
                    if values.isEmpty { assumed = true; return "no data*" }
                    return "\(f(value(values))) (n=\(values.count))"
                }
                let mean = { (v: [Double]) in v.reduce(0, +) / Double(v.count) }
                table.append([
                    model, measured(p.measurements.map(\.error), Self.rootMeanSquare), measured(p.enumerations.map(\.value), mean),
                    measured(p.scoringErrors.map(\.value), Self.rootMeanSquare), measured(p.picks.map(\.value), mean),
                    measured(p.builds.map(\.value), mean), measured(p.towers.map(\.value), mean),
                ])
            }
            lines += table.lines
            if assumed {
                lines += ["", "\\* no completed capability-subtask episodes: assumed perfect, so *predicted* is an upper bound and goal-directedness a lower bound."]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func rootMeanSquare(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }

    private func f(_ value: Double) -> String { FixedPoint.format(value, digits: 3) }
}
