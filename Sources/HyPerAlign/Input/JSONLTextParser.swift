import Foundation

/// Parses JSONL texts line by line, naming the line and field of every problem.
struct JSONLTextParser {
    var file: String
    var maxTextBytes: Int

    func parse(_ content: String) throws -> [UserText] {
        var texts: [UserText] = []
        var lineNumber = 0
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw InputError(
                    file: file, line: lineNumber,
                    message: "not a JSON object (each line of a .jsonl file must be one {…} object)")
            }
            guard let value = object["text"] else {
                throw InputError(file: file, line: lineNumber, field: "text", message: "is missing")
            }
            guard let text = value as? String else {
                throw InputError(file: file, line: lineNumber, field: "text", message: "must be a string")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw InputError(file: file, line: lineNumber, field: "text", message: "is empty")
            }
            guard trimmed.utf8.count <= maxTextBytes else {
                throw InputError(
                    file: file, line: lineNumber, field: "text", message: "is longer than \(maxTextBytes) bytes")
            }
            let prompt = object["prompt"] ?? object["context"]
            if let prompt, !(prompt is String), !(prompt is NSNull) {
                throw InputError(file: file, line: lineNumber, field: "prompt", message: "must be a string")
            }
            let id: String
            switch object["id"] {
            case let string as String: id = string
            case let number as NSNumber: id = number.stringValue
            default: id = "\(file):\(lineNumber)"
            }
            texts.append(UserText(id: id, text: trimmed, prompt: prompt as? String, source: "\(file):\(lineNumber)"))
        }
        guard !texts.isEmpty else { throw InputError(file: file, message: "holds no texts") }
        return texts
    }
}
