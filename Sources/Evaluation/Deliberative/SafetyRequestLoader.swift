import Foundation
import Statistics

/// Reads the safety data sets from a folder laid out like `shared/data` and draws a seeded, balanced sample.
public struct SafetyRequestLoader: Sendable {
    public var dataDirectory: URL

    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
    }

    /// Harmful requests by source (each source in file order).
    public func harmful() throws -> [String: [SafetyRequest]] {
        var sources: [String: [SafetyRequest]] = [:]
        sources["advbench"] = try read("advbench/harmful_behaviors.csv", column: "goal", source: "advbench", harmful: true)
        sources["harmbench"] = try read(
            "harmbench/harmbench_behaviors_text_test_minus_heldout.csv", column: "Behavior", source: "harmbench", harmful: true,
            where: { $0["FunctionalCategory"] == "standard" })
        sources["jailbreakbench"] = try read("jailbreakbench/jbb_harmful_behaviors.csv", column: "Goal", source: "jailbreakbench", harmful: true)
        sources["strongreject"] = try read("strongreject/strongreject_small_dataset.csv", column: "forbidden_prompt", source: "strongreject", harmful: true)
        return sources
    }

    /// XSTest's safe prompts: benign requests that look risky.
    public func benign() throws -> [SafetyRequest] {
        try read("xstest/xstest_prompts_minus_heldout.csv", column: "prompt", source: "xstest", harmful: false,
                 where: { $0["label"] == "safe" })
    }

    /// `harmful` requests drawn evenly from the four sources and `benign` from XSTest, shuffled with `seed`.
    public func sample(harmful count: Int, benign benignCount: Int, seed: UInt64 = 0xDE11) throws -> [SafetyRequest] {
        var generator = SeededGenerator(seed: seed)
        let sources = try harmful().sorted { $0.key < $1.key }.map { $0.value.shuffled(using: &generator) }
        var picked: [SafetyRequest] = []
        var index = 0
        while picked.count < count, sources.contains(where: { index < $0.count }) {
            for source in sources where picked.count < count && index < source.count { picked.append(source[index]) }
            index += 1
        }
        let safe = try benign().shuffled(using: &generator).prefix(benignCount)
        return picked + safe
    }

    private func read(
        _ path: String, column: String, source: String, harmful: Bool, where keep: ([String: String]) -> Bool = { _ in true }
    ) throws -> [SafetyRequest] {
        let table = try CSVTable(contentsOf: dataDirectory.appendingPathComponent(path), name: path)
        guard table.header.contains(column) else { throw EvaluationError(file: path, line: 1, "no column '\(column)'") }
        return try table.rows.filter { keep($0.fields) }.map { row in
            guard let text = row.fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw EvaluationError(file: path, line: row.line, "field '\(column)' is empty")
            }
            return SafetyRequest(id: "\(source):\(row.line)", source: source, text: text, harmful: harmful)
        }
    }
}
