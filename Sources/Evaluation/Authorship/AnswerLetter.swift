import Foundation

/// Reads a one-letter choice from a judge's answer: `{"answer": "B"}`, `"B"`, `B.` or `Answer: B`.
enum AnswerLetter {
    static func parse(_ text: String, choices: Set<String>) -> String? {
        if let data = text.data(using: .utf8),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let answer = (object["answer"] as? String)?.trimmingCharacters(in: .whitespaces).uppercased(),
           choices.contains(answer) {
            return answer
        }
        // A standalone letter, the first one found.
        let tokens = text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        return tokens.first { choices.contains($0) }
    }
}
