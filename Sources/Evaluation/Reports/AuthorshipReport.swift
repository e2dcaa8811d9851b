import Foundation
import Reports

/// Writes an author-style run's `summary.json`, `report.md`, `report.html` and `winrate.svg`.
package struct AuthorshipReport: Sendable {
    package var summary: AuthorshipSummary

    package init(summary: AuthorshipSummary) {
        self.summary = summary
    }

    package func write(to files: RunFiles) throws {
        try RunFiles.writeJSON(summary, to: files.summary)
        let svg = chart()
        try Data(svg.utf8).write(to: files.plot, options: .atomic)
        try Data(markdown().utf8).write(to: files.markdown, options: .atomic)
        try Data(HTMLPage(title: "Author-style emulation: \(summary.dataset)", markdown: markdown(), svg: svg).render().utf8)
            .write(to: files.html, options: .atomic)
    }

    /// The win-rate chart: one group per author plus "overall", one bar per system × judge.
    package func chart() -> String {
        var bars: [CIBarChart.Bar] = []
        for author in summary.authors + ["overall"] {
            for judge in summary.judges {
                for system in judge.systems {
                    let rate = author == "overall" ? system.overall : system.perAuthor.first { $0.author == author }?.rate
                    if let rate { bars.append(.init(group: author, series: "\(system.system) · \(judge.judge) judge", rate: rate)) }
                }
            }
        }
        let accuracy = summary.judges.map {
            "\($0.judge) judge \(RateSummary.f($0.groundTruthAccuracy.estimate)) / \(RateSummary.f($0.zeroShotGroundTruthAccuracy.estimate))"
        }.joined(separator: "; ")
        return CIBarChart.rates(
            title: "Win-rate vs \(summary.baseline) per author — \(summary.dataset), \(summary.model)",
            subtitle: "Judges' ground-truth accuracy (real text vs another author's / vs zero-shot, 0.5 = chance): \(accuracy)",
            yLabel: "Win-rate vs baseline (95% bootstrap CI)", reference: 0.5
        ).render(bars)
    }

    /// The tables as Markdown.
    package func markdown() -> String {
        let judgeModel = summary.judgeModel.map { $0 == summary.model ? "" : "; LLM judge `\($0)`" } ?? ""
        var lines = [
            "# Author-style emulation — \(summary.dataset)", "",
            "Model `\(summary.model)`\(judgeModel); \(summary.authors.count) authors × \(summary.promptsPerAuthor) prompts; \(summary.trainingTexts) training texts per author (the generator's inputs; the judges' references are other held-out texts of the author); baseline `\(summary.baseline)`.",
            "Win-rate = (wins + ½ ties) / comparisons, 95% percentile bootstrap intervals (2,000 resamples, seeded); overall rates resample authors (cluster bootstrap), per-author rates their comparisons. A comparison whose candidate could not be made counts as a loss and is shown as failed.",
            "", "## Judges' ground-truth accuracy", "",
            "How often each judge prefers the author's real held-out text over a real text by another author, and over a zero-shot output for the same prompt (0.5 = chance).", "",
        ]
        var accuracy = MarkdownTable(["judge", "check", "accuracy [95% CI]", "correct", "ties", "wrong"])
        for judge in summary.judges {
            for (check, a) in [("vs another author", judge.groundTruthAccuracy), ("vs zero-shot, same prompt", judge.zeroShotGroundTruthAccuracy)] {
                accuracy.append([judge.judge.description, check, a.text, "\(a.wins)", "\(a.ties)", "\(a.losses)"])
            }
        }
        lines += accuracy.lines + ["", "## Win-rate against `\(summary.baseline)`", ""]
        var overall = MarkdownTable(["judge (ground-truth acc. vs author / vs zero-shot)", "system", "win-rate [95% CI]", "wins", "ties", "losses", "failed"])
        for judge in summary.judges {
            for system in judge.systems {
                let o = system.overall
                overall.append([
                    "\(judge.judge) (\(RateSummary.f(judge.groundTruthAccuracy.estimate)) / \(RateSummary.f(judge.zeroShotGroundTruthAccuracy.estimate)))",
                    "\(system.system)", o.text, "\(o.wins)", "\(o.ties)", "\(o.losses)", "\(o.failures)",
                ])
            }
        }
        lines += overall.lines + ["", "## Per author", ""]
        let columns = summary.judges.flatMap { judge in judge.systems.map { "\($0.system) · \(judge.judge)" } }
        var perAuthor = MarkdownTable(["author"] + columns)
        for author in summary.authors {
            perAuthor.append([author] + summary.judges.flatMap { judge in
                judge.systems.map { $0.perAuthor.first { $0.author == author }?.rate.text ?? "n/a" }
            })
        }
        lines += perAuthor.lines
        lines += ["", "![win-rate per author](winrate.svg)", ""]
        if !summary.failures.isEmpty {
            lines += ["## Candidates that could not be made", ""] + summary.failures.map { "- \($0)" } + [""]
        }
        if let calls = summary.modelCalls { lines.append("Model calls made by the last invocation (cache misses): \(calls).") }
        return lines.joined(separator: "\n") + "\n"
    }
}
