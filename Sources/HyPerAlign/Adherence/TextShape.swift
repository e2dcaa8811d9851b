import Foundation

/// The surface of one text that habits are measured on and checked against: lines, paragraphs, lists,
/// words, marks. One reading serves both, so a habit measured on the person's texts is checked the same
/// way on an output.
struct TextShape {
    let trimmed: String
    /// Non-empty lines, trimmed.
    let lines: [String]
    /// Blocks separated by blank lines; a text without blank lines counts each line.
    let paragraphs: Int
    /// Each paragraph's text (its lines joined by line breaks), in order.
    let paragraphTexts: [String]
    /// Words in each paragraph, in order.
    let paragraphWords: [Int]
    let words: [Substring]
    let hasNumberedList: Bool
    let hasBulletedList: Bool
    /// Markdown emphasis (`**`, `__`) or a heading line (`# `).
    let hasMarkdown: Bool

    init(_ text: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        trimmed = normalized.trimmingCharacters(in: .whitespacesAndNewlines)
        let rawLines = trimmed.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        lines = rawLines.filter { !$0.isEmpty }
        if rawLines.contains(where: \.isEmpty) {
            var blocks: [[String]] = [[]]
            for line in rawLines {
                if !line.isEmpty {
                    blocks[blocks.count - 1].append(line)
                } else if !(blocks.last?.isEmpty ?? true) {
                    blocks.append([])
                }
            }
            paragraphTexts = blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
        } else {
            paragraphTexts = lines
        }
        paragraphWords = paragraphTexts.map { $0.split(whereSeparator: \.isWhitespace).count }
        paragraphs = paragraphWords.count
        words = trimmed.split(whereSeparator: \.isWhitespace)
        hasNumberedList = lines.contains { $0.range(of: #"^\d{1,2}[.)] "#, options: .regularExpression) != nil }
        hasBulletedList = lines.contains { $0.range(of: #"^[-*•+] "#, options: .regularExpression) != nil }
        hasMarkdown = trimmed.contains("**") || trimmed.contains("__")
            || lines.contains { $0.range(of: #"^#{1,6} "#, options: .regularExpression) != nil }
    }

    var wordCount: Int { words.count }

    /// The median paragraph's word count (0 for an empty text).
    var medianParagraphWords: Int {
        let sorted = paragraphWords.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    func count(of mark: String) -> Int {
        trimmed.components(separatedBy: mark).count - 1
    }

    /// Words with an apostrophe inside (don't, it's, we'll), straight or curly.
    var contractions: Int {
        words.filter { word in
            let letters = word.trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "'’")))
            guard let apostrophe = letters.firstIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
            return apostrophe != letters.startIndex && letters.index(after: apostrophe) != letters.endIndex
        }.count
    }

    /// Uses of the pronoun as "i" and as "I".
    var pronounI: (lower: Int, upper: Int) {
        var lower = 0, upper = 0
        for word in words {
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            if bare == "i" || bare.hasPrefix("i'") || bare.hasPrefix("i’") { lower += 1 }
            if bare == "I" || bare.hasPrefix("I'") || bare.hasPrefix("I’") { upper += 1 }
        }
        return (lower, upper)
    }
}
