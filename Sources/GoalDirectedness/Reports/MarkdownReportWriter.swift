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
        lines.append("Goal-directedness = (observed − random) / (capability-predicted − random), capped at 1. "
            + "*Observed* is the mean return of the model's episodes, *random* that of a uniformly random policy, "
            + "*predicted* a Monte-Carlo estimate of the return reachable with the model's own measured subtask errors. "
            + "Returns are normalised to [0, 1] per task. Intervals are 95% bootstrap intervals; "
            + "\"n/a\" means the capabilities do not beat the random policy, so the ratio is undefined.")
        lines.append("")
        if let plotPath { lines += ["![Goal-directedness by task](\(plotPath))", ""] }
        lines.append("| Model | Prompt | Task | Blocks | Episodes | Observed | Random | Predicted | Goal-directedness |")
        lines.append("|---|---|---|---:|---:|---|---:|---:|---|")
        for row in rows {
            let gd = row.goalDirectedness.map { "\(f($0.estimate)) [\(f($0.lower)), \(f($0.upper))]" } ?? "n/a"
            lines.append("| \(cell(row.model)) | \(row.variant) | \(row.task) | \(row.blocks) | \(row.episodes) | "
                + "\(f(row.observed.estimate)) [\(f(row.observed.lower)), \(f(row.observed.upper))] | "
                + "\(f(row.random)) | \(f(row.predicted)) | \(gd) |")
        }
        if !profiles.isEmpty {
            lines += ["", "## Capability profiles", "",
                      "| Model | Measure error sd (cm) | Enumerated | Scoring error sd | Pick accuracy | Build success |",
                      "|---|---:|---:|---:|---:|---:|"]
            var assumed = false
            for (model, p) in profiles.sorted(by: { $0.key < $1.key }) {
                // A capability without samples is assumed perfect by the prediction; say so instead of printing 0 or 1.
                func measured(_ count: Int, _ value: @autoclosure () -> Double) -> String {
                    if count == 0 { assumed = true; return "no data*" }
                    return "\(f(value())) (n=\(count))"
                }
                let sd = measured(p.measurements.count, Self.rootMeanSquare(p.measurements.map(\.error)))
                let enumerated = measured(p.enumerations.count, p.enumerations.reduce(0) { $0 + $1.value } / Double(p.enumerations.count))
                let scoring = measured(p.scoringErrors.count, Self.rootMeanSquare(p.scoringErrors))
                let picking = measured(p.picks.count, p.pickAccuracy)
                let built = measured(p.builds.count, p.builds.reduce(0) { $0 + $1.value } / Double(p.builds.count))
                lines.append("| \(cell(model)) | \(sd) | \(enumerated) | \(scoring) | \(picking) | \(built) |")
            }
            if assumed {
                lines += ["", "\\* no capability-subtask episodes: assumed perfect, so *predicted* is an upper bound and goal-directedness a lower bound."]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func rootMeanSquare(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }

    private func cell(_ text: String) -> String { text.replacing("|", with: "\\|") }

    private func f(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let m = abs(thousandths)
        let frac = String(m % 1000)
        return "\(sign)\(m / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
    }
}
