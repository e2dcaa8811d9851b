/// The geometry of the goal-directedness bar chart, kept apart from drawing so it stays readable.
struct ChartLayout: Sendable {
    let groups: Int
    let series: Int
    let low: Double
    let height: Double
    let left = 80.0
    let top = 50.0
    let barWidth = 18.0
    let groupGap = 22.0
    let legendWidth = 210.0

    init(groups: Int, series: Int, low: Double, height: Double) {
        self.groups = max(groups, 1)
        self.series = max(series, 1)
        self.low = low
        self.height = height
    }

    var groupWidth: Double { max(Double(series) * barWidth, 56) + groupGap }
    var plotRight: Double { left + Double(groups) * groupWidth }
    var plotBottom: Double { height - 70 }
    var width: Double { plotRight + legendWidth }

    /// The vertical position of value `v` (from `low` at the bottom to 1 at the top).
    func y(_ v: Double) -> Double {
        let clamped = min(max(v, low), 1)
        return plotBottom - (clamped - low) / (1 - low) * (plotBottom - top)
    }

    func groupCenter(_ group: Int) -> Double { left + (Double(group) + 0.5) * groupWidth }

    func barX(group: Int, series index: Int) -> Double {
        groupCenter(group) - Double(series) * barWidth / 2 + Double(index) * barWidth
    }
}

/// Colour-blind-safe colours (Okabe–Ito), cycled.
enum Palette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
}
