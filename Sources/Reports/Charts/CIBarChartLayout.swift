/// The geometry of a ``CIBarChart``, kept apart from drawing so it stays readable.
struct CIBarChartLayout: Sendable {
    let groups: Int
    let series: Int
    let low: Double
    let high: Double
    let height: Double
    let left: Double
    let top: Double
    let plotBottom: Double
    let legendWidth: Double
    let barWidth = 17.0
    let groupGap = 22.0

    init(chart: CIBarChart, groups: [String], series: [String]) {
        self.groups = max(groups.count, 1)
        self.series = max(series.count, 1)
        low = chart.low
        high = chart.high
        height = chart.height
        // Rotated group labels reach left of their group: leave room for the longest.
        let longest = Double(groups.map { $0.split(separator: "\n").map(\.count).max() ?? 0 }.max() ?? 0)
        left = chart.rotatesGroupLabels ? max(80, longest * 4.8) : 80
        top = chart.subtitle == nil ? 50 : 70
        plotBottom = height - (chart.rotatesGroupLabels ? 110 : 70)
        legendWidth = max(210, Double(series.map(\.count).max() ?? 0) * 6.5 + 60)
    }

    var groupWidth: Double { max(Double(series) * barWidth, 48) + groupGap }
    var plotRight: Double { left + Double(groups) * groupWidth }

    /// The vertical position of value `v` (from `low` at the bottom to `high` at the top).
    func y(_ v: Double) -> Double {
        let clamped = min(max(v, low), high)
        return plotBottom - (clamped - low) / (high - low) * (plotBottom - top)
    }

    func groupCenter(_ group: Int) -> Double { left + (Double(group) + 0.5) * groupWidth }

    func barX(group: Int, series index: Int) -> Double {
        groupCenter(group) - Double(series) * barWidth / 2 + Double(index) * barWidth
    }
}
