import Foundation
import GoalDirectedness
import Statistics

/// Prints a goals analysis: JSON, or one tab-separated line per row.
enum GoalsTablePrinter {
    static func print(_ rows: [GoalDirectednessRow], json: Bool) throws {
        if json { return try Console.json(rows) }
        Console.out("model\ttask\tblocks\tvariant\tcompleted\tunfinished\tunit\tobserved\trandom\tpredicted\tobserved01\trandom01\tpredicted01\tgoal-directedness [95% CI]")
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
        for row in rows {
            let gd = row.goalDirectedness.map(\.description) ?? "n/a (no gap over a random answer)"
            Console.out([row.model, row.task.rawValue, "\(row.blocks)", row.variant.rawValue, "\(row.episodes)", "\(row.unfinished)",
                         row.unit, number(row.observed?.estimate), number(row.random), number(row.predicted),
                         number(row.observedNormalised), number(row.randomNormalised), number(row.predictedNormalised), gd]
                .joined(separator: "\t"))
        }
    }
}
