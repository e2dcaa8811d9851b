import Foundation

/// Outputs of an external system, read from JSONL and looked up by author and test item.
///
/// One line per output: `{"author": "…", "item_id": "…" | "prompt": "…", "output": "…"}` (`text` is
/// accepted for `output`). An item is matched by its id, else by its exact prompt.
package struct ImportedOutputs: Sendable {
    private var byItem: [String: String] = [:]
    private var byPrompt: [String: String] = [:]

    package init(contentsOf url: URL) throws(EvaluationError) {
        let name = url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw EvaluationError(file: name, "cannot be read: \(error.localizedDescription)")
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw EvaluationError(file: name, line: index + 1, "not a JSON object")
            }
            guard let author = object["author"] as? String, !author.isEmpty else {
                throw EvaluationError(file: name, line: index + 1, "field 'author' is missing")
            }
            guard let output = (object["output"] ?? object["text"]) as? String else {
                throw EvaluationError(file: name, line: index + 1, "field 'output' is missing")
            }
            if let item = object["item_id"] as? String {
                byItem[item] = output
            } else if let prompt = object["prompt"] as? String {
                byPrompt[Self.key(author, prompt)] = output
            } else {
                throw EvaluationError(file: name, line: index + 1, "field 'item_id' or 'prompt' is missing")
            }
        }
    }

    /// The output for one test item of `author`, if the file has it.
    package func output(author: String, itemID: String, prompt: String) -> String? {
        byItem[itemID] ?? byPrompt[Self.key(author, prompt)]
    }

    private static func key(_ author: String, _ prompt: String) -> String {
        author + "\u{1F}" + prompt.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
