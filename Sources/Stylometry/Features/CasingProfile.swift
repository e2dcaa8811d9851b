/// Capitalisation habits: all-lowercase writers, shouting, lowercase "i".
public struct CasingProfile: Sendable, Hashable, Codable {
    public var uppercaseLetters = 0
    public var lowercaseLetters = 0
    /// Words of two or more letters written entirely in capitals.
    public var allCapsWords = 0
    /// The pronoun written as a lowercase "i".
    public var lowercaseI = 0
    /// The pronoun written as "I".
    public var uppercaseI = 0
    public var sentences = 0
    /// Sentences whose first word starts with a lowercase letter.
    public var sentencesStartingLowercase = 0

    public init() {}

    /// Share of ASCII letters that are capitals.
    public var uppercaseShare: Double {
        let letters = uppercaseLetters + lowercaseLetters
        return letters > 0 ? Double(uppercaseLetters) / Double(letters) : 0
    }

    /// Share of sentences starting lowercase.
    public var lowercaseSentenceShare: Double {
        sentences > 0 ? Double(sentencesStartingLowercase) / Double(sentences) : 0
    }

    /// Share of first-person "I" written lowercase.
    public var lowercaseIShare: Double {
        let all = lowercaseI + uppercaseI
        return all > 0 ? Double(lowercaseI) / Double(all) : 0
    }
}
