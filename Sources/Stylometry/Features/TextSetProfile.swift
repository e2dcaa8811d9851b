import Statistics

/// The features of a set of texts, pooled: what a person's writing (or a corpus) looks like overall.
///
/// Rates are pooled over all words (not averaged per text) so short texts do not dominate.
public struct TextSetProfile: Sendable, Hashable {
    public var textCount: Int
    public var wordCount: Int
    /// Words per text.
    public var textLengths: LengthDistribution
    /// All sentences of all texts.
    public var sentenceLengths: LengthDistribution
    /// All paragraphs of all texts.
    public var paragraphLengths: LengthDistribution
    /// Uses per 1,000 words of each `FunctionWords.list` word.
    public var functionWordRates: [Double]
    /// Punctuation summed over texts.
    public var punctuation: PunctuationProfile
    /// Casing counts summed over texts.
    public var casing: CasingProfile
    public var meanWordLength: Double
    public var meanMATTR: Double
    public var meanYulesK: Double
    public var contractions: Int
    /// Texts containing a bulleted or numbered list, a sign-off, a first-name-only sign-off, a greeting.
    public var textsWithList: Int
    public var textsWithSignOff: Int
    public var textsWithFirstNameSignOff: Int
    public var textsWithGreeting: Int
    /// How many texts start with each first word (lowercased).
    public var openingWords: [String: Int]
    /// Character n-gram counts summed over texts.
    public var characterNGrams: SparseVector

    /// Occurrences per 1,000 words of a punctuation mark.
    public func rate(of mark: PunctuationMark) -> Double {
        punctuation.rate(of: mark, words: wordCount)
    }
}

extension TextSetProfile {
    /// Pools the features of `texts`.
    public init(_ texts: [TextFeatures]) {
        let words = texts.reduce(0) { $0 + $1.wordCount }
        let perThousand = 1000 / Double(max(words, 1))
        var functionWords = [Double](repeating: 0, count: FunctionWords.list.count)
        var punctuation = PunctuationProfile()
        var casing = CasingProfile()
        var openings: [String: Int] = [:]
        for text in texts {
            for i in functionWords.indices { functionWords[i] += Double(text.functionWordCounts[i]) * perThousand }
            punctuation = punctuation + text.punctuation
            casing.add(text.casing)
            if let first = text.openingsAndClosings.firstWords.first { openings[first.lowercased(), default: 0] += 1 }
        }
        let signOffs = texts.compactMap(\.openingsAndClosings.signOff)
        self.init(
            textCount: texts.count, wordCount: words,
            textLengths: LengthDistribution(texts.map(\.wordCount)),
            sentenceLengths: LengthDistribution(texts.flatMap(\.sentenceLengths)),
            paragraphLengths: LengthDistribution(texts.flatMap(\.paragraphLengths)),
            functionWordRates: functionWords, punctuation: punctuation, casing: casing,
            meanWordLength: Summary.mean(texts.map(\.meanWordLength)),
            meanMATTR: Summary.mean(texts.map(\.vocabulary.mattr)),
            meanYulesK: Summary.mean(texts.map(\.vocabulary.yulesK)),
            contractions: texts.reduce(0) { $0 + $1.contractions },
            textsWithList: texts.count { $0.formatting.hasList },
            textsWithSignOff: signOffs.count,
            textsWithFirstNameSignOff: signOffs.count { $0.nameWordCount == 1 },
            textsWithGreeting: texts.count { $0.openingsAndClosings.greeting != nil },
            openingWords: openings,
            characterNGrams: SparseVector.sum(texts.map(\.characterNGrams))
        )
    }
}

extension CasingProfile {
    /// Adds another profile's counts.
    public mutating func add(_ other: CasingProfile) {
        uppercaseLetters += other.uppercaseLetters
        lowercaseLetters += other.lowercaseLetters
        allCapsWords += other.allCapsWords
        lowercaseI += other.lowercaseI
        uppercaseI += other.uppercaseI
        sentences += other.sentences
        sentencesStartingLowercase += other.sentencesStartingLowercase
    }
}
