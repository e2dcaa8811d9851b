import AuthorshipData
import Foundation
import Statistics

/// The adherence benchmark's result: per variant, the share of measured habits followed and the
/// stylometric win-rate against zero-shot, each with a 95% cluster-bootstrap interval over authors, plus
/// latency and tokens per answer, and the judge's ground-truth accuracy.
public struct AdherenceSummary: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        public var variant: String
        public var answers: Int
        /// Measured habits followed / checked, pooled over answers (interval: authors resampled).
        public var adherence: Estimate
        /// Stylometric judge against the zero-shot answer (wins + ½ ties) over answers (interval: authors resampled).
        public var winRateAgainstZeroShot: Estimate?
        /// Answers that ran into the token budget and end at their last full sentence (nil: not recorded).
        public var endedAtBudget: Int?
        /// Model seconds per answer as its calls measured them when made (``AdherenceRecord/modelSeconds``),
        /// so answers from the response cache count what they cost; wall seconds for older records.
        public var meanSeconds: Double
        public var meanPromptTokens: Double
        public var meanCompletionTokens: Double
        /// Best-of answers whose kept candidate tied on habits with another, so closeness to the person's
        /// texts chose it (nil for rows of single answers or records without candidates).
        public var choicesTiedOnHabits: Int?
        /// Best-of rows: the win-rate of keeping one candidate at random (each answer's candidates averaged)
        /// and of the judge's own pick (the best candidate: an upper bound no selector without the judge's
        /// references can claim). Beside ``winRateAgainstZeroShot`` they show what the choice gained.
        public var randomCandidateWinRate: Estimate?
        public var bestCandidateWinRate: Estimate?
        /// Best-of rows: the win-rate of the candidate a second judge finds closest to the author, its reference
        /// disjoint from the first judge's (answers of authors with enough held-out texts only; nil in older
        /// runs). Near the random candidate's, the first judge's preferences among candidates are not the
        /// author's style, and no choice by style can raise the kept answer's win-rate much.
        public var secondReferencePickWinRate: Estimate?
        /// Best-of rows: the win-rate of the candidate `--choose style` would keep (``StyleMatcher``, against
        /// the data set's other authors' given texts): a choice a store of many people can make.
        public var ownTextsPickWinRate: Estimate?
    }

    public var model: String
    public var datasets: [String]
    public var authors: Int
    public var promptsPerAuthor: Int
    /// The prompts answered (nil in summaries written before runs could answer the validation split: test).
    public var split: PromptSplit?
    public var rows: [Row]
    /// Per habit (by name), how many answers of each variant broke it and how many were checked for it:
    /// where the habits followed are lost. Most often broken first.
    public var brokenHabits: [BrokenHabit]
    /// How often the stylometric judge prefers the author's real held-out answer over zero-shot.
    public var judgeRealOverZeroShot: Estimate
    /// The judge check and the win-rates per data set: a win-rate means little where the judge cannot tell
    /// the real answer from zero-shot.
    public var byDataset: [DatasetBreakdown]

    /// One data set's judge check and win-rates (authors resampled).
    public struct DatasetBreakdown: Sendable, Hashable, Codable {
        public var dataset: String
        public var authors: Int
        public var judgeRealOverZeroShot: Estimate
        /// Per variant in the rows' order; nil for the baseline.
        public var winRateAgainstZeroShot: [Estimate?]
    }

    /// One habit's failures across variants.
    public struct BrokenHabit: Sendable, Hashable, Codable {
        public var habit: String
        /// Per variant (in the rows' order): answers that broke the habit, and answers checked for it.
        public var broken: [Int]
        public var checked: [Int]
    }

    package init(model: String, datasets: [String], promptsPerAuthor: Int, split: PromptSplit = .test, variants: [String], records: [AdherenceRecord], groundTruth: [AdherenceGroundTruth]) {
        let bootstrap = Bootstrap()
        // Cluster bootstrap: an author's prompts are correlated, so authors are resampled, their answers pooled.
        func byAuthor<T>(_ items: [T], key: (T) -> String) -> [[T]] {
            Dictionary(grouping: items, by: key).sorted { $0.key < $1.key }.map(\.value)
        }
        let authorKey: (AdherenceRecord) -> String = { "\($0.dataset)/\($0.author)" }
        /// The mean of `score` over the records that have one, authors resampled.
        func winRate(_ records: [AdherenceRecord], score: (AdherenceRecord) -> Double? = { $0.winAgainstZeroShot }) -> Estimate? {
            let scored = records.compactMap { record in score(record).map { (record, $0) } }
            let judged = byAuthor(scored) { authorKey($0.0) }
            guard !judged.isEmpty else { return nil }
            let interval = bootstrap.clusterInterval(of: judged) { sample in
                sample.map(\.1).reduce(0, +) / Double(max(1, sample.count))
            }
            return Estimate(interval, n: judged.count)
        }
        func judgeCheck(_ truth: [AdherenceGroundTruth]) -> Estimate {
            let clusters = byAuthor(truth) { "\($0.dataset)/\($0.author)" }
            return Estimate(
                bootstrap.clusterInterval(of: clusters) { $0.map(\.realOverZeroShot).reduce(0, +) / Double(max(1, $0.count)) },
                n: clusters.count)
        }
        self.model = model
        self.datasets = datasets
        self.promptsPerAuthor = promptsPerAuthor
        self.split = split
        authors = Set(records.map(authorKey)).count
        rows = variants.map { variant in
            let mine = records.filter { $0.variant == variant }
            let clusters = byAuthor(mine, key: authorKey)
            let adherence = bootstrap.clusterInterval(of: clusters) { sample in
                let checked = sample.map(\.checked).reduce(0, +)
                return checked == 0 ? .nan : Double(sample.map(\.satisfied).reduce(0, +)) / Double(checked)
            }
            let n = Double(max(1, mine.count))
            return Row(
                variant: variant, answers: mine.count,
                adherence: Estimate(adherence, n: clusters.count),
                winRateAgainstZeroShot: winRate(mine),
                endedAtBudget: mine.contains { $0.endedAtBudget == nil } ? nil : mine.filter { $0.endedAtBudget == true }.count,
                meanSeconds: mine.map { $0.modelSeconds ?? $0.seconds }.reduce(0, +) / n,
                meanPromptTokens: Double(mine.map(\.promptTokens).reduce(0, +)) / n,
                meanCompletionTokens: Double(mine.map(\.completionTokens).reduce(0, +)) / n,
                choicesTiedOnHabits: mine.contains { $0.choiceTiedOnHabits != nil }
                    ? mine.filter { $0.choiceTiedOnHabits == true }.count : nil,
                randomCandidateWinRate: winRate(mine) { record in
                    record.candidateWins.flatMap { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) }
                },
                bestCandidateWinRate: winRate(mine) { $0.candidateWins?.max() },
                secondReferencePickWinRate: winRate(mine) { Self.pickWinRate($0, closeness: $0.secondReferenceCloseness) },
                ownTextsPickWinRate: winRate(mine) { Self.pickWinRate($0, closeness: $0.ownTextsCloseness) })
        }
        var tallies: [String: (broken: [Int], checked: [Int])] = [:]
        for (position, variant) in variants.enumerated() {
            for record in records where record.variant == variant {
                for (habit, followed) in record.habits ?? [:] {
                    var tally = tallies[habit] ?? (Array(repeating: 0, count: variants.count), Array(repeating: 0, count: variants.count))
                    tally.checked[position] += 1
                    if !followed { tally.broken[position] += 1 }
                    tallies[habit] = tally
                }
            }
        }
        brokenHabits = tallies.map { BrokenHabit(habit: $0.key, broken: $0.value.broken, checked: $0.value.checked) }
            .filter { $0.broken.contains { $0 > 0 } }
            .sorted { ($0.broken.reduce(0, +), $1.habit) > ($1.broken.reduce(0, +), $0.habit) }
        judgeRealOverZeroShot = judgeCheck(groundTruth)
        byDataset = datasets.map { dataset in
            let mine = records.filter { $0.dataset == dataset }
            return DatasetBreakdown(
                dataset: dataset, authors: Set(mine.map(\.author)).count,
                judgeRealOverZeroShot: judgeCheck(groundTruth.filter { $0.dataset == dataset }),
                winRateAgainstZeroShot: variants.map { variant in winRate(mine.filter { $0.variant == variant }) })
        }
    }

    /// The judge's verdict on the candidate `closeness` ranks first (averaged over a tie), where every
    /// candidate has both.
    static func pickWinRate(_ record: AdherenceRecord, closeness: [Double]?) -> Double? {
        guard let closeness, let wins = record.candidateWins, closeness.count == wins.count, let best = closeness.max()
        else { return nil }
        let picks = closeness.indices.filter { closeness[$0] == best }
        return picks.map { wins[$0] }.reduce(0, +) / Double(picks.count)
    }

    /// A Markdown table of the rows (n = authors resampled in each interval).
    public var markdown: String {
        var lines = [
            "| variant | answers | habits followed [95% CI] | stylometric win-rate vs zero-shot [95% CI] | ended at the budget | model s / answer | prompt tok / answer | completion tok / answer |",
            "|---|---:|---|---|---:|---:|---:|---:|",
        ]
        for row in rows {
            lines.append("| \(row.variant) | \(row.answers) | \(row.adherence.text()) | \(row.winRateAgainstZeroShot?.text() ?? "— (baseline)") | \(row.endedAtBudget.map(String.init) ?? "—") | \(String(format: "%.1f", row.meanSeconds)) | \(Int(row.meanPromptTokens.rounded())) | \(Int(row.meanCompletionTokens.rounded())) |")
        }
        if !brokenHabits.isEmpty {
            lines.append("")
            lines.append("Habits broken (answers that broke it / answers checked for it):")
            lines.append("")
            lines.append("| habit | " + rows.map(\.variant).joined(separator: " | ") + " |")
            lines.append("|---|" + String(repeating: "---:|", count: rows.count))
            for habit in brokenHabits {
                lines.append("| \(habit.habit) | " + zip(habit.broken, habit.checked).map { "\($0)/\($1)" }.joined(separator: " | ") + " |")
            }
        }
        lines.append("")
        lines.append("Model s / answer: the time its calls took when they were made (an answer from the response cache keeps that time), while the run's other calls shared the server's slots; parallel candidates count once, the slowest.")
        let tied = rows.compactMap { row in row.choicesTiedOnHabits.map { "\(row.variant) \($0) of \(row.answers)" } }
        if !tied.isEmpty {
            lines.append("")
            lines.append("Best-of answers chosen by closeness to the person's texts (another candidate followed as many habits): " + tied.joined(separator: "; ") + ".")
        }
        let choices = rows.compactMap { row -> String? in
            guard let kept = row.winRateAgainstZeroShot, let random = row.randomCandidateWinRate, let best = row.bestCandidateWinRate else { return nil }
            let own = row.ownTextsPickWinRate.map { ", what --choose style keeps \($0.text())" } ?? ""
            let second = row.secondReferencePickWinRate.map { ", the pick of a second judge (other held-out texts) \($0.text())" } ?? ""
            return "\(row.variant): kept \(kept.text()), one candidate at random \(random.text())\(own)\(second), the judge's own pick \(best.text())"
        }
        if !choices.isEmpty {
            lines.append("")
            lines.append("What the best-of choice gained, as win-rates vs zero-shot (the judge's own pick is a loose upper bound: it wins whenever any candidate does, using held-out references no selector sees; the second judge's pick is what a choice by the author's style alone can reach; what --choose style keeps is measured against the data set's other authors' given texts, no held-out text): " + choices.joined(separator: "; ") + ".")
        }
        lines.append("")
        lines.append("Judge check: the stylometric judge prefers the author's real held-out answer over zero-shot in \(judgeRealOverZeroShot.text()) of the prompts (authors resampled).")
        if byDataset.count > 1 {
            lines.append("")
            lines.append("Per data set (a win-rate means little where the judge check is near 0.5):")
            lines.append("")
            let judged = rows.indices.filter { rows[$0].winRateAgainstZeroShot != nil }
            lines.append("| data set | judge check | " + judged.map { "\(rows[$0].variant) win-rate" }.joined(separator: " | ") + " |")
            lines.append("|---|---|" + String(repeating: "---|", count: judged.count))
            for breakdown in byDataset {
                let rates = judged.map { breakdown.winRateAgainstZeroShot[$0]?.text() ?? "—" }
                lines.append("| \(breakdown.dataset) (\(breakdown.authors) authors) | \(breakdown.judgeRealOverZeroShot.text()) | " + rates.joined(separator: " | ") + " |")
            }
        }
        if split == .validation {
            lines.append("")
            lines.append("Prompts: DITTO's validation split, answered to design a method without reading the test split; its outputs were kept out of the judge's references.")
        }
        return lines.joined(separator: "\n")
    }
}
