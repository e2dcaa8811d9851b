import Statistics

/// Draws goal-directedness as a grouped bar chart: one group per task × block count, one bar per model
/// (and prompt variant), 95% CI error bars, a dashed line at 1 and a legend. A cell where episodes ran out of
/// steps is labelled completed/all above its bar.
///
/// Plain SVG text with no dependencies, so reports render anywhere (browsers, `rsvg-convert`, GitHub).
public struct SVGPlotWriter: Sendable {
    public var title: String
    public var height: Double = 440

    public init(title: String = "Goal-directedness by task and number of blocks") {
        self.title = title
    }

    /// The chart of `rows` as an SVG document.
    public func render(_ rows: [GoalDirectednessRow]) -> String {
        let groups = unique(rows.map { Group(task: $0.task, blocks: $0.blocks) })
        let series = unique(rows.map { Series(model: $0.model, variant: $0.variant) })
        let values = rows.compactMap(\.goalDirectedness).flatMap { [$0.lower, $0.estimate] }
        let low = min(0, ((values.min() ?? 0) * 4).rounded(.down) / 4)
        let layout = ChartLayout(groups: groups.count, series: series.count, low: low, height: height)
        var svg = SVGDocument(width: layout.width, height: height)
        svg.text(title, x: layout.width / 2, y: 24, size: 16, anchor: "middle", weight: "bold")
        drawAxes(&svg, layout, groups)
        for row in rows {
            guard let g = groups.firstIndex(of: Group(task: row.task, blocks: row.blocks)),
                  let s = series.firstIndex(of: Series(model: row.model, variant: row.variant)) else { continue }
            let x = layout.barX(group: g, series: s)
            guard let gd = row.goalDirectedness else {
                svg.text("n/a", x: x + layout.barWidth / 2, y: layout.y(0) - 4, size: 10, anchor: "middle")
                continue
            }
            let top = layout.y(max(gd.estimate, 0)), bottom = layout.y(min(gd.estimate, 0))
            svg.rect(x: x, y: top, width: layout.barWidth, height: max(bottom - top, 0.5), fill: Palette.color(s))
            let mid = x + layout.barWidth / 2
            svg.line(x1: mid, y1: layout.y(gd.upper), x2: mid, y2: layout.y(gd.lower), stroke: "#222", width: 1.2)
            for v in [gd.lower, gd.upper] {
                svg.line(x1: mid - 4, y1: layout.y(v), x2: mid + 4, y2: layout.y(v), stroke: "#222", width: 1.2)
            }
            if row.unfinished > 0 {  // completed of all episodes, where some ran out of steps
                svg.text("\(row.episodes)/\(row.episodes + row.unfinished)", x: mid, y: layout.y(gd.upper) - 4, size: 8, anchor: "middle")
            }
        }
        drawLegend(&svg, layout, series)
        return svg.finish()
    }

    private func drawAxes(_ svg: inout SVGDocument, _ layout: ChartLayout, _ groups: [Group]) {
        var tick = layout.low
        while tick <= 1.0001 {
            let y = layout.y(tick)
            svg.line(x1: layout.left, y1: y, x2: layout.plotRight, y2: y, stroke: tick == 0 ? "#444" : "#ddd", width: 1)
            svg.text(format2(tick), x: layout.left - 8, y: y + 4, size: 11, anchor: "end")
            tick += 0.25
        }
        svg.line(x1: layout.left, y1: layout.y(1), x2: layout.plotRight, y2: layout.y(1), stroke: "#888", width: 1, dash: "5,4")
        svg.line(x1: layout.left, y1: layout.top, x2: layout.left, y2: layout.plotBottom, stroke: "#444", width: 1)
        for (g, group) in groups.enumerated() {
            let center = layout.groupCenter(g)
            svg.text(group.task.shortName, x: center, y: layout.plotBottom + 18, size: 11, anchor: "middle")
            svg.text("\(group.blocks) blocks", x: center, y: layout.plotBottom + 32, size: 10, anchor: "middle", fill: "#555")
        }
        svg.text("Task and number of blocks", x: (layout.left + layout.plotRight) / 2, y: height - 12, size: 13, anchor: "middle")
        let mid = (layout.top + layout.plotBottom) / 2
        svg.text("Goal-directedness (95% CI; at most 1)", x: 18, y: mid, size: 13, anchor: "middle", rotate: -90)
    }

    private func drawLegend(_ svg: inout SVGDocument, _ layout: ChartLayout, _ series: [Series]) {
        let x = layout.plotRight + 20
        svg.text("Model", x: x, y: layout.top + 4, size: 12, anchor: "start", weight: "bold")
        for (s, item) in series.enumerated() {
            let y = layout.top + 22 + Double(s) * 20
            svg.rect(x: x, y: y - 10, width: 12, height: 12, fill: Palette.color(s))
            svg.text(item.label, x: x + 18, y: y, size: 11, anchor: "start")
        }
    }

    private func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }

    private func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }

    private struct Group: Hashable { var task: BlocksworldTask; var blocks: Int }

    private struct Series: Hashable {
        var model: String
        var variant: PromptVariant
        var label: String { variant == .plain ? model : "\(model) (\(variant))" }
    }
}
