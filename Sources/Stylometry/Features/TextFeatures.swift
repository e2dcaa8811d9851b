/// Everything stylometry measures about one text.
///
/// Computed once per text (see `TextFeaturizer`) and reused by every verifier, the judge and the
/// hypothesis miner, so a text is never scanned twice.
public struct TextFeatures: Sendable, Hashable {
    /// UTF-8 bytes of the original text.
    public var byteCount: Int
    /// Character n-gram counts over the whitespace-collapsed UTF-8 bytes, keyed by `NGramKey.rawValue`.
    public var characterNGrams: SparseVector
    /// Word tokens (letters, digits, inner apostrophes and hyphens).
    public var wordCount: Int
    /// Mean word length in bytes.
    public var meanWordLength: Double
    /// Counts of each word of `FunctionWords.list`, by index.
    public var functionWordCounts: [Int]
    /// Words per sentence, in order. Sentences end at ". ! ?" or a line break; unterminated fragments of
    /// fewer than four words (greetings, sign-offs, list items) are left out.
    public var sentenceLengths: [Int]
    /// Words per paragraph (a non-empty line with a sentence or at least four words), in order.
    public var paragraphLengths: [Int]
    public var vocabulary: VocabularyRichness
    public var punctuation: PunctuationProfile
    public var casing: CasingProfile
    public var formatting: FormattingProfile
    public var openingsAndClosings: OpeningsAndClosings
    /// Words with an inner apostrophe ("don't", "it's").
    public var contractions: Int

    /// Function-word frequencies per word of text (0 for an empty text).
    public var functionWordFrequencies: [Double] {
        let n = Double(max(wordCount, 1))
        return functionWordCounts.map { Double($0) / n }
    }

    /// The sentence length distribution.
    public var sentenceLengthDistribution: LengthDistribution {
        LengthDistribution(sentenceLengths)
    }

    /// The paragraph length distribution.
    public var paragraphLengthDistribution: LengthDistribution {
        LengthDistribution(paragraphLengths)
    }
}
