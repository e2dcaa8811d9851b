/// A habit measured on a person's texts that an output can be checked against without any model:
/// an opening, a sign-off, a length, paragraphs, lists, punctuation, contractions, casing.
///
/// Its ``statement`` is what the person's attributes show ("opens with \"Short version:\" (7 of 7 texts)"),
/// its ``instruction`` what a generation prompt asks for, and ``check(_:)`` decides whether a text follows it.
public struct CheckableHabit: Sendable, Hashable, Codable {
    /// What is checked.
    public enum Kind: Sendable, Hashable, Codable {
        /// The text starts with this phrase (case and surrounding whitespace ignored).
        case opening(String)
        /// The text's last line is this phrase.
        case signOff(String)
        /// The word count is within ±50% of this median.
        case length(words: Int)
        /// The number of paragraphs is in this range (people who write one or two blocks per text).
        case paragraphs(minimum: Int, maximum: Int)
        /// The median paragraph is within ±50% of this many words (people who write several paragraphs
        /// per text: how long a paragraph is does not depend on how long the answer may be).
        case paragraphLength(words: Int)
        case numberedList
        case bulletedList
        /// No bulleted or numbered list.
        case noList
        /// No markdown emphasis (`**`, `__`) or heading (`# `).
        case noMarkdown
        /// The mark occurs at least once.
        case usesMark(String)
        /// The mark never occurs.
        case avoidsMark(String)
        /// At least one contraction (`true`) or none (`false`).
        case contractions(Bool)
        /// The pronoun "I" is written in lowercase.
        case lowercaseI
    }

    public var kind: Kind
    /// The measurement, as shown among the person's attributes.
    public var statement: String
    /// The same as an instruction to a writer.
    public var instruction: String

    public init(kind: Kind, statement: String, instruction: String) {
        self.kind = kind
        self.statement = statement
        self.instruction = instruction
    }

    /// Whether `text` follows the habit, with the figure that decided it.
    public func check(_ text: String) -> (satisfied: Bool, detail: String) {
        let shape = TextShape(text)
        switch kind {
        case .opening(let phrase):
            let ok = shape.trimmed.lowercased().hasPrefix(phrase.lowercased())
            return (ok, "starts with \"\(String(shape.trimmed.prefix(phrase.count + 8)))\"")
        case .signOff(let phrase):
            let last = shape.lines.last ?? ""
            return (last == phrase, "last line \"\(String(last.prefix(40)))\"")
        case .length(let words):
            let (low, high) = Self.band(words)
            return ((low...high).contains(shape.wordCount), "\(shape.wordCount) words (wanted \(low)–\(high))")
        case .paragraphs(let minimum, let maximum):
            return ((minimum...max(minimum, maximum)).contains(shape.paragraphs), "\(shape.paragraphs) paragraphs (wanted \(minimum)–\(maximum))")
        case .paragraphLength(let words):
            let (low, high) = Self.band(words)
            let median = shape.medianParagraphWords
            return ((low...high).contains(median), "median paragraph \(median) words (wanted \(low)–\(high))")
        case .numberedList:
            return (shape.hasNumberedList, shape.hasNumberedList ? "has a numbered list" : "no numbered list")
        case .bulletedList:
            return (shape.hasBulletedList, shape.hasBulletedList ? "has a bulleted list" : "no bulleted list")
        case .noList:
            let has = shape.hasNumberedList || shape.hasBulletedList
            return (!has, has ? "has a list" : "no list")
        case .noMarkdown:
            return (!shape.hasMarkdown, shape.hasMarkdown ? "has markdown" : "no markdown")
        case .usesMark(let mark):
            let count = shape.count(of: mark)
            return (count > 0, "\(count)× \"\(mark)\"")
        case .avoidsMark(let mark):
            let count = shape.count(of: mark)
            return (count == 0, "\(count)× \"\(mark)\"")
        case .contractions(let wanted):
            let count = shape.contractions
            return (wanted ? count > 0 : count == 0, "\(count) contraction\(count == 1 ? "" : "s")")
        case .lowercaseI:
            let (lower, upper) = shape.pronounI
            return (lower > 0 && upper == 0, "\"i\" \(lower)×, \"I\" \(upper)×")
        }
    }
}

extension CheckableHabit {
    /// ±50% of `words`, the tolerance of every word-count habit.
    static func band(_ words: Int) -> (low: Int, high: Int) {
        let low = Int((Double(words) * 0.5).rounded(.down)), high = Int((Double(words) * 1.5).rounded(.up))
        return (low, max(low, high))
    }
}

extension CheckableHabit.Kind {
    /// The habit without the person's figures ("length", "uses \";\""), so the same habit can be counted
    /// across people whose measurements differ.
    public var name: String {
        switch self {
        case .opening: "opening"
        case .signOff: "sign-off"
        case .length: "length"
        case .paragraphs: "paragraphs"
        case .paragraphLength: "paragraph length"
        case .numberedList: "numbered list"
        case .bulletedList: "bulleted list"
        case .noList: "no list"
        case .noMarkdown: "no markdown"
        case .usesMark(let mark): "uses \"\(mark)\""
        case .avoidsMark(let mark): "avoids \"\(mark)\""
        case .contractions(let wanted): wanted ? "contractions" : "no contractions"
        case .lowercaseI: "lowercase i"
        }
    }
}
