import HyPerAlign

/// Human-readable rendering of how an answer follows the person's measured habits.
enum AdherencePrinter {
    static func print(_ generation: CheckedGeneration, line: (String) -> Void = Console.out) {
        let report = generation.adherence
        line("CHECKED \(report.summary)")
        for item in report.items {
            line("  \(item.satisfied ? "✓" : "✗") \(item.statement) — \(item.detail)")
        }
        if generation.candidates.count > 1 {
            let scores = generation.candidates.map { "\($0.satisfied)" }.joined(separator: ", ")
            line("  best of \(generation.candidates.count): kept candidate \(generation.chosen + 1) (habits followed per candidate: \(scores))")
        }
        if let revision = generation.revision {
            line("  revision named \(revision.named.count) broken habit\(revision.named.count == 1 ? "" : "s"): draft \(revision.draftSatisfied), rewrite \(revision.rewriteSatisfied) → \(revision.kept ? "rewrite kept" : "draft kept")")
        }
        if let repaired = generation.repaired, !repaired.isEmpty {
            line("  repaired mechanically: \(repaired.joined(separator: "; "))")
        }
    }
}
