import Foundation
import HyPerAlign

/// Human-readable rendering of hypothesis sets.
enum HypothesisPrinter {
    static func printSet(_ set: HypothesisSet, report: InferenceReport? = nil, stale: Bool = false) {
        Console.out("HYPOTHESES for \(set.userID) (\(set.hypotheses.count)) — \(set.provenance.model), \(set.provenance.promptVersion)\(stale ? "  [STALE: texts changed since inference]" : "")")
        for hypothesis in set.hypotheses {
            let marker = hypothesis.origin == .inferred ? "" : " [\(hypothesis.origin.rawValue) by you]"
            let confidence = hypothesis.confidence.map { String(format: " (%.2f)", $0) } ?? ""
            Console.out("  \(hypothesis.id)  \(hypothesis.category.rawValue.uppercased())\(confidence)\(marker)")
            Console.out("      " + Console.wrap(hypothesis.statement, indent: "      "))
            for quote in hypothesis.evidence {
                Console.out("        ↳ \"" + Console.wrap(quote, indent: "          ") + "\"")
            }
        }
        let lines = set.attributes.lines
        if !lines.isEmpty {
            Console.out("ATTRIBUTES")
            for line in lines { Console.out("  \(line.name): \(line.value)") }
        }
        if let report {
            var notes: [String] = []
            if report.attempts > 1 { notes.append("\(report.attempts) attempts") }
            if !report.repairedEvidence.isEmpty { notes.append("\(report.repairedEvidence.count) quotes repaired") }
            if !report.droppedHypotheses.isEmpty { notes.append("\(report.droppedHypotheses.count) hypotheses dropped (quotes not in the texts)") }
            if report.textsUsed < report.textsGiven { notes.append("\(report.textsUsed) of \(report.textsGiven) texts fit the budget") }
            if !notes.isEmpty { Console.out("CHECKS  " + notes.joined(separator: "; ")) }
        }
    }
}
