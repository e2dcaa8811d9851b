import Foundation
import Statistics

/// The adherence benchmark's result: per variant, the share of measured habits followed and the
/// stylometric win-rate against zero-shot, each with a 95% bootstrap interval over authors, plus
/// latency and tokens per answer, and the judge's ground-truth accuracy.
public struct AdherenceSummary: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var variant: String
        public var answers: Int
        /// Measured habits followed / checked, pooled per author, then averaged over authors.
        public var adherence: Estimate
        /// Stylometric judge against the zero-shot answer (wins + ½ ties), per author, then averaged.
        public var winRateAgainstZeroShot: Estimate?
        public var meanSeconds: Double
        public var meanPromptTokens: Double
        public var meanCompletionTokens: Double
    }

    public var model: String
    public var datasets: [String]
    public var authors: Int
    public var promptsPerAuthor: Int
    public var rows: [Row]
    /// How often the stylometric judge prefers the author's real held-out answer over zero-shot.
    public var judgeRealOverZeroShot: Estimate

    init(model: String, datasets: [String], promptsPerAuthor: Int, variants: [String], records: [AdherenceRecord], groundTruth: [AdherenceGroundTruth]) {
        let bootstrap = Bootstrap()
        self.model = model
        self.datasets = datasets
        self.promptsPerAuthor = promptsPerAuthor
        let authorKeys = Array(Set(records.map { "\($0.dataset)/\($0.author)" })).sorted()
        authors = authorKeys.count
        func perAuthor<T>(_ items: [T], key: (T) -> String, _ value: ([T]) -> Double?) -> [Double] {
            Dictionary(grouping: items, by: key).sorted { $0.key < $1.key }.compactMap { value($0.value) }
        }
        rows = variants.map { variant in
            let mine = records.filter { $0.variant == variant }
            let adherence = perAuthor(mine, key: { "\($0.dataset)/\($0.author)" }) { group in
                let checked = group.map(\.checked).reduce(0, +)
                return checked == 0 ? nil : Double(group.map(\.satisfied).reduce(0, +)) / Double(checked)
            }
            let wins = perAuthor(mine.filter { $0.winAgainstZeroShot != nil }, key: { "\($0.dataset)/\($0.author)" }) { group in
                group.compactMap(\.winAgainstZeroShot).reduce(0, +) / Double(group.count)
            }
            let n = Double(max(1, mine.count))
            return Row(
                variant: variant, answers: mine.count,
                adherence: Estimate(bootstrap.meanInterval(adherence), n: adherence.count),
                winRateAgainstZeroShot: wins.isEmpty ? nil : Estimate(bootstrap.meanInterval(wins), n: wins.count),
                meanSeconds: mine.map(\.seconds).reduce(0, +) / n,
                meanPromptTokens: Double(mine.map(\.promptTokens).reduce(0, +)) / n,
                meanCompletionTokens: Double(mine.map(\.completionTokens).reduce(0, +)) / n)
        }
        let truth = perAuthor(groundTruth, key: { "\($0.dataset)/\($0.author)" }) { group in
            group.map(\.realOverZeroShot).reduce(0, +) / Double(group.count)
        }
        judgeRealOverZeroShot = Estimate(bootstrap.meanInterval(truth), n: truth.count)
    }

    /// A Markdown table of the rows (n = authors in each interval).
    public var markdown: String {
        var lines = [
            "| variant | answers | habits followed [95% CI] | stylometric win-rate vs zero-shot [95% CI] | s / answer | prompt tok / answer | completion tok / answer |",
            "|---|---:|---|---|---:|---:|---:|",
        ]
        for row in rows {
            lines.append("| \(row.variant) | \(row.answers) | \(row.adherence.text()) | \(row.winRateAgainstZeroShot?.text() ?? "— (baseline)") | \(String(format: "%.1f", row.meanSeconds)) | \(Int(row.meanPromptTokens.rounded())) | \(Int(row.meanCompletionTokens.rounded())) |")
        }
        lines.append("")
        lines.append("Judge check: the stylometric judge prefers the author's real held-out answer over zero-shot in \(judgeRealOverZeroShot.text()) (per author).")
        return lines.joined(separator: "\n")
    }
}
