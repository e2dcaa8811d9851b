/// A grouped bar chart of estimates with 95% confidence intervals: groups along the x axis, one coloured
/// bar per series in each, whiskers for the interval, an optional dashed reference line and a legend.
///
/// The one chart of the package: the author-style win-rates, the deliberative rates and the
/// goal-directedness plot all draw through it.
///
/// ```swift
/// let svg = CIBarChart(title: "Win-rate vs baseline", yLabel: "Win-rate (95% CI)", reference: 0.5)
///     .render([.init(group: "overall", series: "hyperalign", estimate: 0.62, lower: 0.55, upper: 0.69)])
/// ```
public struct CIBarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        /// The group's label; a `\n` breaks it into lines.
        public var group: String
        public var series: String
        /// The estimate; nil draws "n/a" instead of a bar.
        public var estimate: Double?
        public var lower: Double
        public var upper: Double
        /// A small label above the whisker (the value, or completed/all episodes).
        public var label: String?

        /// A bar of `series` in `group`.
        public init(group: String, series: String, estimate: Double?, lower: Double, upper: Double, label: String? = nil) {
            self.group = group
            self.series = series
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
            self.label = label
        }
    }

    public var title: String
    /// A second, smaller line under the title.
    public var subtitle: String?
    public var yLabel: String
    public var xLabel: String?
    public var legendTitle: String
    /// The dashed line; nil for none.
    public var reference: Double?
    /// The bottom of the y axis (at most 0).
    public var low: Double = 0
    /// The top of the y axis.
    public var high: Double = 1
    public var height: Double = 460
    /// Slanted group labels, for many or long groups.
    public var rotatesGroupLabels = false

    /// A chart with the given texts; axis range and size keep their defaults until set.
    public init(
        title: String, subtitle: String? = nil, yLabel: String, xLabel: String? = nil, legendTitle: String = "Series",
        reference: Double? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.xLabel = xLabel
        self.legendTitle = legendTitle
        self.reference = reference
    }

    /// The SVG document of `bars`, groups and series in order of first appearance.
    public func render(_ bars: [Bar]) -> String {
        let groups = Self.unique(bars.map(\.group)), series = Self.unique(bars.map(\.series))
        let layout = CIBarChartLayout(chart: self, groups: groups, series: series)
        let textWidth = Double(max(title.count * 9, (subtitle ?? "").count * 7)) + layout.left + 40
        var svg = SVGCanvas(width: max(layout.plotRight + layout.legendWidth, textWidth), height: height)
        svg.text(title, x: layout.left, y: 26, size: 16, weight: "bold")
        if let subtitle { svg.text(subtitle, x: layout.left, y: 46, size: 12, fill: "#444") }
        drawAxes(&svg, layout, groups)
        for bar in bars {
            guard let g = groups.firstIndex(of: bar.group), let s = series.firstIndex(of: bar.series) else { continue }
            draw(bar, series: s, at: layout.barX(group: g, series: s), on: &svg, layout)
        }
        drawLegend(&svg, layout, series)
        return svg.finish()
    }

    private func draw(_ bar: Bar, series: Int, at x: Double, on svg: inout SVGCanvas, _ layout: CIBarChartLayout) {
        let mid = x + layout.barWidth / 2
        guard let estimate = bar.estimate, estimate.isFinite else {
            svg.text("n/a", x: mid, y: layout.y(0) - 4, size: 9, anchor: "middle")
            return
        }
        let top = layout.y(max(estimate, 0)), bottom = layout.y(min(estimate, 0))
        svg.rect(x: x + 1, y: top, width: layout.barWidth - 2, height: max(bottom - top, 0.5), fill: Palette.color(series))
        svg.line(x1: mid, y1: layout.y(bar.upper), x2: mid, y2: layout.y(bar.lower), stroke: "#222", width: 1.2)
        for v in [bar.lower, bar.upper] {
            svg.line(x1: mid - 4, y1: layout.y(v), x2: mid + 4, y2: layout.y(v), stroke: "#222", width: 1.2)
        }
        if let label = bar.label {
            svg.text(label, x: mid, y: layout.y(bar.upper) - 4, size: 8, anchor: "middle", fill: "#333")
        }
    }

    private func drawAxes(_ svg: inout SVGCanvas, _ layout: CIBarChartLayout, _ groups: [String]) {
        var tick = low
        while tick <= high + 0.0001 {
            svg.line(x1: layout.left, y1: layout.y(tick), x2: layout.plotRight, y2: layout.y(tick),
                     stroke: tick == 0 ? "#444" : "#ddd", width: 1)
            svg.text(FixedPoint.format(tick), x: layout.left - 8, y: layout.y(tick) + 4, size: 11, anchor: "end")
            tick += 0.25
        }
        if let reference {
            svg.line(x1: layout.left, y1: layout.y(reference), x2: layout.plotRight, y2: layout.y(reference),
                     stroke: "#888", width: 1, dash: "5,4")
        }
        svg.line(x1: layout.left, y1: layout.top, x2: layout.left, y2: layout.plotBottom, stroke: "#444", width: 1)
        for (g, group) in groups.enumerated() {
            let center = layout.groupCenter(g)
            for (index, line) in group.split(separator: "\n").enumerated() {
                let y = layout.plotBottom + 18 + Double(index) * 14
                if rotatesGroupLabels {
                    svg.text(String(line), x: center, y: y - 4, size: 11, anchor: "end", rotate: -35)
                } else {
                    svg.text(String(line), x: center, y: y, size: index == 0 ? 11 : 10, anchor: "middle", fill: index == 0 ? "#222" : "#555")
                }
            }
        }
        if let xLabel {
            svg.text(xLabel, x: (layout.left + layout.plotRight) / 2, y: height - 12, size: 13, anchor: "middle")
        }
        svg.text(yLabel, x: 18, y: (layout.top + layout.plotBottom) / 2, size: 13, anchor: "middle", rotate: -90)
    }

    private func drawLegend(_ svg: inout SVGCanvas, _ layout: CIBarChartLayout, _ series: [String]) {
        let x = layout.plotRight + 20
        svg.text(legendTitle, x: x, y: layout.top + 4, size: 12, weight: "bold")
        for (s, name) in series.enumerated() {
            let y = layout.top + 24 + Double(s) * 20
            svg.rect(x: x, y: y - 10, width: 12, height: 12, fill: Palette.color(s))
            svg.text(name, x: x + 18, y: y, size: 11)
        }
        if let reference {
            svg.text("dashed line: \(FixedPoint.format(reference))", x: x, y: layout.top + 34 + Double(series.count) * 20, size: 10, fill: "#555")
        }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
