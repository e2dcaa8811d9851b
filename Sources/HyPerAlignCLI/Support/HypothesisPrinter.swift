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
            for line in lines { Console.out("  \(line.name): \(line.value)\(source(of: line.name, in: set.attributes))") }
        }
        if let report {
            var notes: [String] = []
            if report.attempts > 1 { notes.append("\(report.attempts) attempts") }
            if !report.repairedEvidence.isEmpty { notes.append("\(report.repairedEvidence.count) quotes repaired") }
            if !report.droppedHypotheses.isEmpty { notes.append("\(report.droppedHypotheses.count) hypotheses dropped (quotes not in the texts)") }
            if !report.droppedAttributes.isEmpty {
                notes.append("attributes dropped: " + report.droppedAttributes.map { "\($0.statement) (\($0.message))" }.joined(separator: "; "))
            }
            if report.textsUsed < report.textsGiven { notes.append("\(report.textsUsed) of \(report.textsGiven) texts fit the budget") }
            if !notes.isEmpty { Console.out("CHECKS  " + notes.joined(separator: "; ")) }
        }
    }

    /// `  [measured]`, `  [set by you]`, … after an attribute line.
    private static func source(of line: String, in attributes: InferredAttributes) -> String {
        let name: String? = switch line {
        case "typical length": AttributeName.typicalLengthWords.rawValue
        case "formatting": "formatting_habits"
        default: AttributeName(rawValue: line)?.rawValue
        }
        switch name.flatMap({ attributes.sources[$0] }) {
        case .measured: return "  [measured]"
        case .inferred: return "  [inferred]"
        case .person: return "  [set by you]"
        case nil: return ""
        }
    }
}
