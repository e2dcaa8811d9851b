import Foundation

import HyPerAlign

/// Human-readable rendering of a refinement report: what survived the held-out check, and why.
enum RefinementPrinter {
    static func print(_ report: RefinementReport) {
        let survivors = report.survivors.count
        Console.out("REFINEMENT  inferred on \(report.inferenceTexts) texts, checked on \(report.heldOutTexts) held out: \(survivors) of \(report.decisions.count) survive")
        for decision in report.decisions {
            let tag = decision.kind == .measured ? "MEASURED" : "MODEL   "
            Console.out("  \(decision.outcome.rawValue.uppercased().padding(toLength: 11, withPad: " ", startingAt: 0)) \(tag) " + Console.wrap(decision.statement, indent: "                       "))
            if let revised = decision.revised { Console.out("                       → " + Console.wrap(revised, indent: "                         ")) }
            Console.out("                       why: " + Console.wrap(decision.reason, indent: "                            "))
        }
    }
}
