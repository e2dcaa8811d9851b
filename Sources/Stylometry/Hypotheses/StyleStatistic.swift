/// A measurable style statistic of a set of texts, the figure behind a measured hypothesis.
///
/// Named and re-measurable, so a hypothesis inferred on some texts can be checked on others.
public enum StyleStatistic: Sendable, Hashable, Codable {
    case medianSentenceLength
    case medianTextLength
    case medianParagraphLength
    case meanWordLength
    case movingAverageTypeTokenRatio
    /// Uses per 1,000 words.
    case punctuationRate(PunctuationMark)
    /// Uses per 1,000 words of a word of `FunctionWords.list`.
    case functionWordRate(String)
    /// Contractions per 1,000 words.
    case contractionRate
    case lowercaseSentenceShare
    case lowercaseIShare
    /// Share of texts with a bulleted or numbered list.
    case listShare
    case signOffShare
    /// Share of texts signed with a single name.
    case firstNameSignOffShare
    case greetingShare
    /// Share of texts whose first word is this word (lowercase).
    case openingWordShare(String)

    /// A stable, readable name, e.g. "punctuation_rate:semicolon".
    public var name: String {
        switch self {
        case .medianSentenceLength: "median_sentence_length"
        case .medianTextLength: "median_text_length"
        case .medianParagraphLength: "median_paragraph_length"
        case .meanWordLength: "mean_word_length"
        case .movingAverageTypeTokenRatio: "mattr"
        case .punctuationRate(let mark): "punctuation_rate:\(mark.rawValue)"
        case .functionWordRate(let word): "function_word_rate:\(word)"
        case .contractionRate: "contraction_rate"
        case .lowercaseSentenceShare: "lowercase_sentence_share"
        case .lowercaseIShare: "lowercase_i_share"
        case .listShare: "list_share"
        case .signOffShare: "sign_off_share"
        case .firstNameSignOffShare: "first_name_sign_off_share"
        case .greetingShare: "greeting_share"
        case .openingWordShare(let word): "opening_word_share:\(word)"
        }
    }

    /// Whether the value is a share of texts (reported as "k of n texts").
    public var isTextShare: Bool {
        switch self {
        case .listShare, .signOffShare, .firstNameSignOffShare, .greetingShare, .openingWordShare: true
        default: false
        }
    }

    /// The statistic's value on a pooled profile.
    public func measure(_ profile: TextSetProfile) -> Double {
        let texts = Double(max(profile.textCount, 1))
        let perThousand = 1000 / Double(max(profile.wordCount, 1))
        switch self {
        case .medianSentenceLength: return profile.sentenceLengths.median
        case .medianTextLength: return profile.textLengths.median
        case .medianParagraphLength: return profile.paragraphLengths.median
        case .meanWordLength: return profile.meanWordLength
        case .movingAverageTypeTokenRatio: return profile.meanMATTR
        case .punctuationRate(let mark): return profile.rate(of: mark)
        case .functionWordRate(let word):
            return FunctionWords.index(of: word).map { profile.functionWordRates[$0] } ?? 0
        case .contractionRate: return Double(profile.contractions) * perThousand
        case .lowercaseSentenceShare: return profile.casing.lowercaseSentenceShare
        case .lowercaseIShare: return profile.casing.lowercaseIShare
        case .listShare: return Double(profile.textsWithList) / texts
        case .signOffShare: return Double(profile.textsWithSignOff) / texts
        case .firstNameSignOffShare: return Double(profile.textsWithFirstNameSignOff) / texts
        case .greetingShare: return Double(profile.textsWithGreeting) / texts
        case .openingWordShare(let word): return Double(profile.openingWords[word] ?? 0) / texts
        }
    }
}
