import Foundation

extension CheckableHabit {
    /// `text` changed so it follows this habit, when a mechanical edit can do that without touching the
    /// content: a formulaic opening or a sign-off added, a mark the person never uses replaced, markdown
    /// or list markers the person never uses removed, contractions expanded, "I" lowercased, an answer far
    /// over the person's length cut at a sentence end, paragraphs joined or re-broken at sentence ends. Nil
    /// when the text already follows it or no such edit exists (a missing list or em dash needs the model).
    public func repaired(_ text: String) -> String? {
        guard !check(text).satisfied else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let result: String?
        switch kind {
        case .opening(let phrase):
            // Only a formula ("Short version:", "Hi all,"): prefixing ordinary words would garble the sentence.
            guard let last = phrase.last, ":,;-—".contains(last) else { return nil }
            result = phrase + " " + trimmed
        case .signOff(let phrase):
            result = trimmed + "\n\n" + phrase
        case .avoidsMark(let mark):
            let replacement = ["!": ".", ";": ",", "—": ","][mark]
            result = replacement.map { Self.replaceMark(mark, with: $0, in: trimmed) }
        case .noList:
            result = trimmed.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.replacingOccurrences(of: #"^\s*(\d{1,2}[.)]|[-*•+])\s+"#, with: "", options: .regularExpression)
            }.joined(separator: "\n")
        case .noMarkdown:
            result = Self.stripMarkdown(trimmed)
        case .contractions(false):
            result = Self.expandContractions(trimmed)
        case .lowercaseI:
            result = trimmed.replacingOccurrences(of: #"\bI\b"#, with: "i", options: .regularExpression)
        case .length(let words):
            result = Self.cut(trimmed, toWords: Int((Double(words) * 1.5).rounded(.down)))
        case .paragraphs(_, let maximum):
            result = Self.merge(TextShape(trimmed).paragraphTexts, keepingLast: max(0, maximum - 1))
        case .paragraphLength(let words):
            result = Self.reflow(TextShape(trimmed).paragraphTexts, every: words)
        default:
            result = nil
        }
        guard let result, result != trimmed, check(result).satisfied else { return nil }
        return result
    }

    /// The paragraphs joined into one, except the last `kept` (a sign-off stays on its own line).
    static func merge(_ paragraphs: [String], keepingLast kept: Int) -> String? {
        guard paragraphs.count > kept + 1 else { return nil }
        let merged = paragraphs.dropLast(kept).map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: " ")
        return ([merged] + paragraphs.suffix(kept)).joined(separator: "\n\n")
    }

    /// The text's sentences laid out again in paragraphs of about `words` words; list items and short
    /// lines (a greeting, a sign-off) stay paragraphs of their own.
    static func reflow(_ paragraphs: [String], every words: Int) -> String? {
        var result: [String] = []
        var chunk: [String] = []
        var chunkWords = 0
        func flush() {
            if !chunk.isEmpty { result.append(chunk.joined(separator: " ")) }
            chunk = []
            chunkWords = 0
        }
        for paragraph in paragraphs {
            let count = paragraph.split(whereSeparator: \.isWhitespace).count
            let fixed = count < 4 || paragraph.contains("\n")
                || paragraph.range(of: #"^(\d{1,2}[.)]|[-*•+])\s"#, options: .regularExpression) != nil
            if fixed {
                flush()
                result.append(paragraph)
                continue
            }
            for sentence in paragraph.replacingOccurrences(of: #"([.!?][\"”]?)\s+"#, with: "$1\n", options: .regularExpression)
                .split(separator: "\n") {
                let count = sentence.split(whereSeparator: \.isWhitespace).count
                // A new paragraph when this sentence would overshoot the length more than stopping short does.
                if chunkWords > 0, chunkWords + count - words > words - chunkWords { flush() }
                chunk.append(String(sentence))
                chunkWords += count
            }
        }
        flush()
        return result.joined(separator: "\n\n")
    }

    /// Replaces `mark`, keeping a single space after it ("wait — now" → "wait, now").
    static func replaceMark(_ mark: String, with replacement: String, in text: String) -> String {
        let spaced = mark == "—"
            ? text.replacingOccurrences(of: #"\s*—\s*"#, with: "\(replacement) ", options: .regularExpression)
            : text.replacingOccurrences(of: mark, with: replacement)
        return spaced.replacingOccurrences(of: #"([.,])\1+"#, with: "$1", options: .regularExpression)
    }

    /// Removes markdown emphasis and heading markers, keeping their words.
    static func stripMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: #"(\*\*|__)(.+?)\1"#, with: "$2", options: .regularExpression)
            .replacingOccurrences(of: "**", with: "")
            .replacingOccurrences(of: #"(?m)^#{1,6}\s+"#, with: "", options: .regularExpression)
    }

    static let contractions: [(String, String)] = [
        ("can't", "cannot"), ("won't", "will not"), ("shan't", "shall not"), ("let's", "let us"),
        ("it's", "it is"), ("that's", "that is"), ("there's", "there is"), ("here's", "here is"), ("what's", "what is"),
        ("who's", "who is"), ("he's", "he is"), ("she's", "she is"), ("n't", " not"), ("'re", " are"), ("'ll", " will"),
        ("'ve", " have"), ("'m", " am"), ("'d", " would"),
    ]

    /// Writes common contractions out ("don't" → "do not", "It's" → "It is"); a possessive "'s" stays.
    static func expandContractions(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "’", with: "'")
        for (short, long) in contractions {
            let escaped = NSRegularExpression.escapedPattern(for: short)
            if short.first == "'" || short.hasPrefix("n'") {
                result = result.replacingOccurrences(of: "(?<=[A-Za-z])" + escaped + #"\b"#, with: long, options: .regularExpression)
            } else {
                for (from, to) in [(short, long), (short.prefix(1).uppercased() + short.dropFirst(), long.prefix(1).uppercased() + long.dropFirst())] {
                    result = result.replacingOccurrences(
                        of: #"\b"# + NSRegularExpression.escapedPattern(for: from) + #"\b"#, with: to, options: .regularExpression)
                }
            }
        }
        return result
    }

    /// The text up to the last sentence end within `limit` words (nil if there is none).
    static func cut(_ text: String, toWords limit: Int) -> String? {
        var words = 0
        var end: String.Index?
        var index = text.startIndex
        var inWord = false
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words > limit { break }
            }
            if ".!?".contains(character) {
                let next = text.index(after: index)
                if next == text.endIndex || text[next].isWhitespace || text[next] == "\"" || text[next] == "”" {
                    end = next < text.endIndex && (text[next] == "\"" || text[next] == "”") ? text.index(after: next) : next
                }
            }
            index = text.index(after: index)
        }
        guard let end else { return nil }
        return String(text[..<end])
    }
}
