/// A grouped bar chart of win-rates (or rates) with 95% CI bars, from 0 to 1 with a dashed line at a
/// reference value (0.5 = no better than the baseline).
///
/// Groups along the x axis (authors, then "overall"), one bar per series (system × judge), a legend on the right.
public struct WinRateChart: Sendable {
    /// One bar: which group and series, and the rate.
    public struct Bar: Sendable, Hashable {
        public var group: String
        public var series: String
        public var rate: RateSummary

        public init(group: String, series: String, rate: RateSummary) {
            self.group = group
            self.series = series
            self.rate = rate
        }
    }

    public var title: String
    /// A second, smaller line under the title (e.g. the judges' ground-truth accuracy).
    public var subtitle: String?
    public var yLabel: String
    /// The dashed line; nil for none.
    public var reference: Double?
    public var height = 460.0

    public init(title: String, subtitle: String? = nil, yLabel: String = "Win-rate vs baseline (95% bootstrap CI)", reference: Double? = 0.5) {
        self.title = title
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.reference = reference
    }

    /// The SVG document.
    public func render(_ bars: [Bar]) -> String {
        let groups = unique(bars.map(\.group)), series = unique(bars.map(\.series))
        // Rotated group labels reach left of their group: leave room for the longest.
        let left = max(80.0, Double(groups.map(\.count).max() ?? 0) * 4.8), top = 70.0, barWidth = 16.0, gap = 24.0, legendWidth = 280.0, bottom = height - 110
        let groupWidth = max(Double(series.count) * barWidth, 40) + gap
        let plotRight = left + Double(max(groups.count, 1)) * groupWidth
        let textWidth = Double(max(title.count * 9, (subtitle ?? "").count * 7)) + left + 40
        let width = max(plotRight + legendWidth, textWidth)
        func y(_ v: Double) -> Double { bottom - min(max(v, 0), 1) * (bottom - top) }
        var svg = SVGCanvas(width: width, height: height)
        svg.text(title, x: left, y: 26, size: 16, weight: "bold")
        if let subtitle { svg.text(subtitle, x: left, y: 46, size: 12, fill: "#444") }
        for tick in stride(from: 0.0, through: 1.0001, by: 0.25) {
            svg.line(x1: left, y1: y(tick), x2: plotRight, y2: y(tick), stroke: tick == 0 ? "#444" : "#ddd", width: 1)
            svg.text(RateSummary.f(tick), x: left - 8, y: y(tick) + 4, size: 11, anchor: "end")
        }
        if let reference {
            svg.line(x1: left, y1: y(reference), x2: plotRight, y2: y(reference), stroke: "#888", width: 1, dash: "5,4")
        }
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#444", width: 1)
        for (g, group) in groups.enumerated() {
            let center = left + (Double(g) + 0.5) * groupWidth
            svg.text(group, x: center, y: bottom + 14, size: 11, anchor: "end", rotate: -35)
            for (s, name) in series.enumerated() {
                guard let bar = bars.first(where: { $0.group == group && $0.series == name }) else { continue }
                let x = center - Double(series.count) * barWidth / 2 + Double(s) * barWidth
                guard bar.rate.comparisons > 0, bar.rate.estimate.isFinite else {
                    svg.text("n/a", x: x + barWidth / 2, y: bottom - 4, size: 9, anchor: "middle")
                    continue
                }
                svg.rect(x: x + 1, y: y(bar.rate.estimate), width: barWidth - 2, height: max(bottom - y(bar.rate.estimate), 0.5), fill: SVGCanvas.color(s))
                let mid = x + barWidth / 2
                svg.text(RateSummary.f(bar.rate.estimate), x: mid, y: y(bar.rate.upper) - 4, size: 8, anchor: "middle", fill: "#333")
                svg.line(x1: mid, y1: y(bar.rate.upper), x2: mid, y2: y(bar.rate.lower), stroke: "#222", width: 1.2)
                for v in [bar.rate.lower, bar.rate.upper] {
                    svg.line(x1: mid - 4, y1: y(v), x2: mid + 4, y2: y(v), stroke: "#222", width: 1.2)
                }
            }
        }
        svg.text(yLabel, x: 20, y: (top + bottom) / 2, size: 12, anchor: "middle", rotate: -90)
        svg.text("Series", x: plotRight + 20, y: top + 4, size: 12, weight: "bold")
        for (s, name) in series.enumerated() {
            let ly = top + 24 + Double(s) * 20
            svg.rect(x: plotRight + 20, y: ly - 10, width: 12, height: 12, fill: SVGCanvas.color(s))
            svg.text(name, x: plotRight + 38, y: ly, size: 11)
        }
        if let reference {
            svg.text("dashed line: \(RateSummary.f(reference))", x: plotRight + 20, y: top + 34 + Double(series.count) * 20, size: 10, fill: "#555")
        }
        return svg.finish()
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
