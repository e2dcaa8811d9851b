/// The punctuation habits tracked per text.
///
/// Rates of these marks (per 1,000 words) separate writers well and are easy to state as a hypothesis.
public enum PunctuationMark: String, Sendable, Hashable, Codable, CaseIterable {
    case comma, period, semicolon, colon, exclamation, question
    case doubleQuote, singleQuote, parenthesis, dash, ellipsis
    /// Two or more spaces after a sentence end.
    case doubleSpaceAfterSentence
    /// "!!", "??", "?!" and longer runs.
    case repeatedTerminator

    /// How the mark is named in a statement.
    public var displayName: String {
        switch self {
        case .comma: "commas"
        case .period: "periods"
        case .semicolon: "semicolons"
        case .colon: "colons"
        case .exclamation: "exclamation marks"
        case .question: "question marks"
        case .doubleQuote: "double quotes"
        case .singleQuote: "single quotes"
        case .parenthesis: "parentheses"
        case .dash: "dashes"
        case .ellipsis: "ellipses"
        case .doubleSpaceAfterSentence: "two spaces after a sentence"
        case .repeatedTerminator: "repeated !/? marks"
        }
    }
}

/// Counts of each `PunctuationMark` in a text or a set of texts.
public struct PunctuationProfile: Sendable, Hashable, Codable {
    public var counts: [PunctuationMark: Int]

    public init(counts: [PunctuationMark: Int] = [:]) {
        self.counts = counts
    }

    public subscript(mark: PunctuationMark) -> Int { counts[mark] ?? 0 }

    /// Occurrences per 1,000 words; 0 when `words` is 0.
    public func rate(of mark: PunctuationMark, words: Int) -> Double {
        words > 0 ? Double(self[mark]) * 1000 / Double(words) : 0
    }

    /// The element-wise sum.
    public static func + (lhs: PunctuationProfile, rhs: PunctuationProfile) -> PunctuationProfile {
        PunctuationProfile(counts: lhs.counts.merging(rhs.counts, uniquingKeysWith: +))
    }
}

extension PunctuationMark {
    /// The mark's position in `allCases`, for array-backed counting.
    var index: Int {
        switch self {
        case .comma: 0
        case .period: 1
        case .semicolon: 2
        case .colon: 3
        case .exclamation: 4
        case .question: 5
        case .doubleQuote: 6
        case .singleQuote: 7
        case .parenthesis: 8
        case .dash: 9
        case .ellipsis: 10
        case .doubleSpaceAfterSentence: 11
        case .repeatedTerminator: 12
        }
    }
}
