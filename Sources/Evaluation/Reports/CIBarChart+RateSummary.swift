import Reports

extension CIBarChart.Bar {
    /// A bar of a rate with its bootstrap interval, labelled with its value; "n/a" when nothing was compared.
    init(group: String, series: String, rate: RateSummary) {
        let measured = rate.comparisons > 0 && rate.estimate.isFinite
        self.init(
            group: group, series: series, estimate: measured ? rate.estimate : nil, lower: rate.lower, upper: rate.upper,
            label: measured ? RateSummary.f(rate.estimate) : nil)
    }
}

extension CIBarChart {
    /// The evaluations' chart: rates from 0 to 1 with slanted group labels.
    static func rates(title: String, subtitle: String?, yLabel: String, reference: Double?) -> CIBarChart {
        var chart = CIBarChart(title: title, subtitle: subtitle, yLabel: yLabel, reference: reference)
        chart.rotatesGroupLabels = true
        return chart
    }
}
