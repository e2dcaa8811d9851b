/// How varied a text's vocabulary is, by several standard measures.
///
/// Type-token ratio depends strongly on length, so Yule's K and MATTR (moving-average TTR) are kept beside it.
public struct VocabularyRichness: Sendable, Hashable, Codable {
    /// Word tokens.
    public var tokens: Int
    /// Distinct words (case-insensitive).
    public var types: Int
    /// Words that occur exactly once.
    public var hapaxLegomena: Int
    /// Yule's K = 10⁴ · (Σ c² − N) / N², lower means richer; 0 for an empty text.
    public var yulesK: Double
    /// Moving-average type-token ratio over windows of `window` words (plain TTR for shorter texts).
    public var mattr: Double

    public init(tokens: Int, types: Int, hapaxLegomena: Int, yulesK: Double, mattr: Double) {
        self.tokens = tokens
        self.types = types
        self.hapaxLegomena = hapaxLegomena
        self.yulesK = yulesK
        self.mattr = mattr
    }

    /// types / tokens; 0 for an empty text.
    public var typeTokenRatio: Double { tokens > 0 ? Double(types) / Double(tokens) : 0 }

    /// hapax legomena / types; 0 for an empty text.
    public var hapaxRatio: Double { types > 0 ? Double(hapaxLegomena) / Double(types) : 0 }
}

extension VocabularyRichness {
    /// Computes all measures from a sequence of word hashes.
    /// - Parameter window: the MATTR window in words (50 is the usual choice).
    public init(wordHashes: [UInt64], window: Int = 50) {
        var counts = KeyCounter(expectedKeys: max(16, wordHashes.count))
        for hash in wordHashes { counts.add(hash) }
        var hapax = 0
        var sumSquares = 0.0
        counts.forEach { _, c in
            if c == 1 { hapax += 1 }
            sumSquares += Double(c) * Double(c)
        }
        let n = Double(wordHashes.count)
        self.init(
            tokens: wordHashes.count,
            types: counts.count,
            hapaxLegomena: hapax,
            yulesK: n > 0 ? 10_000 * (sumSquares - n) / (n * n) : 0,
            mattr: Self.movingAverageTTR(wordHashes, window: window)
        )
    }

    static func movingAverageTTR(_ words: [UInt64], window: Int) -> Double {
        guard !words.isEmpty else { return 0 }
        guard words.count > window else {
            var set = KeyCounter(expectedKeys: words.count)
            for w in words { set.add(w) }
            return Double(set.count) / Double(words.count)
        }
        var inWindow = KeyCounter(expectedKeys: window * 2)
        var distinct = 0
        for w in words[0..<window] {
            if inWindow.count(of: w) == 0 { distinct += 1 }
            inWindow.add(w)
        }
        var total = Double(distinct)
        for i in window..<words.count {
            let leaving = words[i - window]
            inWindow.add(leaving, -1)
            if inWindow.count(of: leaving) == 0 { distinct -= 1 }
            if inWindow.count(of: words[i]) == 0 { distinct += 1 }
            inWindow.add(words[i])
            total += Double(distinct)
        }
        return total / Double(words.count - window + 1) / Double(window)
    }
}
