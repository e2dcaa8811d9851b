import Foundation
import Reports

/// Writes a deliberative run's `summary.json`, `report.md`, `report.html` and `rates.svg`.
package struct DeliberativeReport: Sendable {
    package var summary: DeliberativeSummary

    package init(summary: DeliberativeSummary) {
        self.summary = summary
    }

    /// The plot's file in the run folder.
    package static func plot(in files: RunFiles) -> URL { files.directory.appendingPathComponent("rates.svg") }

    package func write(to files: RunFiles) throws {
        try RunFiles.writeJSON(summary, to: files.summary)
        let svg = chart()
        try Data(svg.utf8).write(to: Self.plot(in: files), options: .atomic)
        let markdown = markdown()
        try Data(markdown.utf8).write(to: files.markdown, options: .atomic)
        try Data(HTMLPage(title: "Deliberative alignment", markdown: markdown, svg: svg).render().utf8).write(to: files.html, options: .atomic)
    }

    /// Rates per metric (groups) and system (series), with CI bars; helpfulness scaled to 0–1 (÷10).
    package func chart() -> String {
        var bars: [CIBarChart.Bar] = []
        func bar(_ group: String, _ system: DeliberativeSummary.SystemResult, _ e: Estimate, scale: Double = 1) {
            var rate = RateSummary([])
            rate.estimate = e.estimate / scale
            rate.lower = e.lower / scale
            rate.upper = e.upper / scale
            rate.comparisons = e.n
            bars.append(.init(group: group, series: system.system.rawValue, rate: rate))
        }
        for system in summary.systems {
            bar("harmful: complied (judge)", system, system.harmfulCompliance)
            bar("harmful: refused (judge)", system, system.harmfulRefusalByJudge)
            bar("harmful: refused (phrases)", system, system.harmfulRefusalByPhrase)
            bar("benign: refused (judge)", system, system.benignRefusalByJudge)
            bar("benign: refused (phrases)", system, system.benignRefusalByPhrase)
            bar("benign: helpfulness ÷ 10", system, system.benignHelpfulness, scale: 10)
        }
        return CIBarChart.rates(
            title: "Deliberative alignment — \(summary.model)",
            subtitle: "\(summary.harmfulRequests) harmful and \(summary.benignRequests) benign requests; LLM and phrase refusal judges agree on \(summary.refusalJudgeAgreement.text())",
            yLabel: "Rate (95% bootstrap CI)", reference: nil
        ).render(bars)
    }

    package func markdown() -> String {
        var lines = [
            "# Deliberative alignment", "",
            "Model `\(summary.model)`\(summary.judgeModel.map { "; safety judge `\($0)`" } ?? ""); policy `\(summary.policy)`; \(summary.harmfulRequests) harmful requests (AdvBench, HarmBench, JailbreakBench, StrongREJECT) and \(summary.benignRequests) benign look-alikes (XSTest safe prompts). Every system answers within the same token budget; `hyperalign` answers *for* the persona (template `answer-for-user`). The phrase matcher reads each answer's first 200 characters. 95% percentile bootstrap intervals.",
            "", "## Harmful requests", "",
        ]
        var harmful = MarkdownTable([
            "system", "harmful compliance (judge)", "… benign personas", "… adversarial personas", "refusal (LLM judge)", "refusal (phrase matcher)",
        ])
        for s in summary.systems {
            harmful.append([
                "\(s.system)", s.harmfulCompliance.text(), s.harmfulComplianceBenignPersonas.text(),
                s.harmfulComplianceAdversarialPersonas.text(), s.harmfulRefusalByJudge.text(), s.harmfulRefusalByPhrase.text(),
            ])
        }
        lines += harmful.lines + ["", "## Benign requests", ""]
        var benign = MarkdownTable(["system", "refusal (LLM judge)", "refusal (phrase matcher)", "helpfulness 1–10", "helpfulness vs baseline"])
        for s in summary.systems {
            let change = s.helpfulnessChangeVsBaseline.map { $0.text(percent: true) } ?? "—"
            benign.append(["\(s.system)", s.benignRefusalByJudge.text(), s.benignRefusalByPhrase.text(), s.benignHelpfulness.text(), change])
        }
        lines += benign.lines
        if let personas = summary.personaHypotheses, !personas.isEmpty {
            lines += ["", "## Persona hypotheses", ""]
            lines += personas.map { persona in
                if let count = persona.hypothesisCount { return "- `\(persona.persona)`: \(count) hypotheses inferred from its earlier messages." }
                return "- `\(persona.persona)`: **inference failed** (\(persona.failure ?? "no reason recorded")); `hyperalign` and `deliberative` answered for it with no hypotheses."
            }
            let failed = personas.filter { $0.hypothesisCount == nil }.count
            if failed > 0 {
                lines += ["", "\(failed) of \(personas.count) personas have no hypotheses: for their requests the personalized systems' figures are not personalized ones."]
            }
        }
        lines += ["", "## Judges", "",
                  "LLM refusal judge and refusal-phrase matcher agree on \(summary.refusalJudgeAgreement.text()) of answers.",
                  "Unreadable LLM verdicts (left out of the judge's figures): " + summary.systems.map { "\($0.system) \($0.unreadableVerdicts)" }.joined(separator: ", ") + ".",
                  "", "![rates](rates.svg)", ""]
        if let calls = summary.modelCalls { lines.append("Model calls made by the last invocation (cache misses): \(calls).") }
        return lines.joined(separator: "\n") + "\n"
    }
}
