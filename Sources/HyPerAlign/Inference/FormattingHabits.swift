import Foundation

/// Formatting habits measured from the texts themselves — openings, sign-offs, lists, paragraphing —
/// so they are right whatever model is used.
public enum FormattingHabits {
    public static func measure(_ texts: [String]) -> [String] {
        guard !texts.isEmpty else { return [] }
        let total = texts.count
        let majority = max(2, (total + 1) / 2)
        var habits: [String] = []

        let openings = texts.compactMap { firstWords($0, count: 2) }
        if let (opening, count) = mostCommon(openings), count >= majority, total > 1 {
            habits.append("opens with \"\(opening)\" (\(count) of \(total) texts)")
        }
        let closings = texts.compactMap(lastLine)
        if let (closing, count) = mostCommon(closings), count >= majority, total > 1, closing.count <= 40 {
            habits.append("signs off with \"\(closing)\" (\(count) of \(total) texts)")
        }
        let numbered = texts.filter { $0.range(of: #"(?m)^\s*\d+[.)] "#, options: .regularExpression) != nil }.count
        if numbered > 0 { habits.append("numbered lists in \(numbered) of \(total) texts") }
        let bulleted = texts.filter { $0.range(of: #"(?m)^\s*[-*•] "#, options: .regularExpression) != nil }.count
        if bulleted > 0 { habits.append("bulleted lists in \(bulleted) of \(total) texts") }
        let paragraphs = texts.map { $0.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count }
        let median = paragraphs.sorted()[paragraphs.count / 2]
        habits.append("about \(median) paragraph\(median == 1 ? "" : "s") per text")
        return habits
    }

    static func firstWords(_ text: String, count: Int) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace).prefix(count)
        return words.count == count ? words.joined(separator: " ") : nil
    }

    static func lastLine(_ text: String) -> String? {
        text.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    static func mostCommon(_ values: [String]) -> (String, Int)? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { ($0.key, $0.value) }
    }
}
