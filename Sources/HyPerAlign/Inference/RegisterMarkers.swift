import Foundation

/// Measures the register of English texts from countable markers — contractions, exclamations, chatty words
/// against formal connectives and salutations, sentence and word length — so the register a prompt states
/// is the one the texts show, whatever the model thought.
public struct RegisterMarkers: Sendable, Hashable {
    /// Per 100 words.
    public var contractions: Double
    public var exclamations: Double
    public var chattyWords: Double
    public var formalWords: Double
    public var wordsPerSentence: Double

    /// The markers of `texts` (assumed English; other languages have other markers), nil when too short.
    public init?(_ texts: [String]) {
        let joined = texts.joined(separator: "\n")
        let words = LanguageDetector.words(joined.replacingOccurrences(of: "’", with: "'"))
        guard words.count >= 20 else { return nil }
        let per100 = 100 / Double(words.count)
        contractions = Double(words.count { word in
            Self.contractionEndings.contains { word.hasSuffix($0) } && word.contains("'")
        }) * per100
        exclamations = Double(joined.count { $0 == "!" }) * per100
        chattyWords = Double(words.count { Self.chatty.contains($0) }) * per100
        formalWords = Double(words.count { Self.formal.contains($0) }) * per100
        let sentences = max(1, joined.split { ".!?\n".contains($0) }.count { $0.split(separator: " ").count >= 2 })
        wordsPerSentence = Double(words.count) / Double(sentences)
    }

    /// Formal markers minus informal ones: from 1.5 formal, from 0 semi-formal, down to -3.5 informal, below
    /// that casual. Calibrated on the example person's plain work emails (informal, about -2.5) and chatty
    /// messages full of exclamations (casual, below -10).
    public var score: Double {
        let formality = formalWords * 1.5 + max(0, wordsPerSentence - 18) * 0.15
        let informality = contractions * 0.4 + exclamations * 1.0 + chattyWords * 1.2 + max(0, 10 - wordsPerSentence) * 0.15
        return formality - informality
    }

    /// One of ``AttributeName/registers``.
    public var register: String {
        let score = score
        if score >= 1.5 { return "formal" }
        if score >= 0 { return "semi-formal" }
        return score >= -3.5 ? "informal" : "casual"
    }

    /// The numbers behind ``register``, for the inference report.
    public var summary: String {
        String(format: "per 100 words: %.1f contractions, %.1f exclamations, %.1f chatty and %.1f formal words; %.0f words per sentence",
               contractions, exclamations, chattyWords, formalWords, wordsPerSentence)
    }

    static let contractionEndings = ["n't", "'m", "'re", "'ll", "'ve", "'d", "'s"]
    static let chatty: Set<String> = [
        "hey", "hi", "yeah", "yep", "nope", "ok", "okay", "cool", "awesome", "gonna", "wanna", "gotta", "kinda", "sorta",
        "lol", "haha", "btw", "thanks", "stuff", "guys", "folks", "anyway", "totally", "super", "honestly", "frankly",
        "shout", "cheers", "pretty", "bit",
    ]
    static let formal: Set<String> = [
        "dear", "sincerely", "regards", "respectfully", "furthermore", "moreover", "therefore", "thus", "hence",
        "whereas", "hereby", "pursuant", "accordingly", "consequently", "nevertheless", "notwithstanding", "shall",
        "kindly", "herewith", "aforementioned", "subsequently", "regarding", "concerning", "wherein",
    ]
}
