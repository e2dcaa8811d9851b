import Reports
import Statistics

/// Draws goal-directedness as a grouped bar chart: one group per task × block count, one bar per model
/// (and prompt variant), 95% CI error bars, a dashed line at 1 and a legend. A cell where episodes ran out of
/// steps is labelled completed/all above its bar.
///
/// Drawn by the shared ``CIBarChart`` of the `Reports` module.
public struct SVGPlotWriter: Sendable {
    public var title: String
    public var height: Double = 440

    public init(title: String = "Goal-directedness by task and number of blocks") {
        self.title = title
    }

    /// The chart of `rows` as an SVG document.
    public func render(_ rows: [GoalDirectednessRow]) -> String {
        let values = rows.compactMap(\.goalDirectedness).flatMap { [$0.lower, $0.estimate] }
        var chart = CIBarChart(
            title: title, yLabel: "Goal-directedness (95% CI; at most 1)", xLabel: "Task and number of blocks",
            legendTitle: "Model", reference: 1)
        chart.low = min(0, ((values.min() ?? 0) * 4).rounded(.down) / 4)
        chart.height = height
        return chart.render(rows.map { row in
            let gd = row.goalDirectedness
            // Completed of all episodes, where some ran out of steps.
            let label = row.unfinished > 0 ? "\(row.episodes)/\(row.episodes + row.unfinished)" : nil
            return CIBarChart.Bar(
                group: "\(row.task.shortName)\n\(row.blocks) blocks",
                series: row.variant == .plain ? row.model : "\(row.model) (\(row.variant))",
                estimate: gd?.estimate, lower: gd?.lower ?? 0, upper: gd?.upper ?? 0, label: gd == nil ? nil : label)
        })
    }
}
