/// Burrows' Delta: mean absolute difference of function-word z-scores.
///
/// Function words are used unconsciously and independently of topic, so their relative frequencies,
/// standardised against a corpus, are a robust authorial fingerprint (Burrows 2002).
public struct BurrowsDelta: Sendable {
    /// Indices into `FunctionWords.list` of the words used (the corpus's most frequent ones).
    public let wordIndices: [Int]
    /// Corpus mean and standard deviation of each used word's relative frequency.
    public let means: [Double]
    public let standardDeviations: [Double]

    /// Fits means and standard deviations on `corpus`, keeping the `mostFrequent` function words.
    public init(fitting corpus: [TextFeatures], mostFrequent: Int = 150) {
        let frequencies = corpus.map(\.functionWordFrequencies)
        let n = Double(max(frequencies.count, 1))
        let all = FunctionWords.list.indices.map { i in
            let mean = frequencies.reduce(0) { $0 + $1[i] } / n
            let variance = frequencies.reduce(0) { $0 + ($1[i] - mean) * ($1[i] - mean) } / max(n - 1, 1)
            return (index: i, mean: mean, sd: variance.squareRoot())
        }
        let kept = all.filter { $0.sd > 0 }.sorted { $0.mean > $1.mean }.prefix(mostFrequent)
        wordIndices = kept.map(\.index)
        means = kept.map(\.mean)
        standardDeviations = kept.map(\.sd)
    }

    /// z-scores of relative frequencies (indexed like `FunctionWords.list`) for the used words.
    public func zScores(_ frequencies: [Double]) -> [Double] {
        wordIndices.indices.map { k in
            (frequencies[wordIndices[k]] - means[k]) / standardDeviations[k]
        }
    }

    /// z-scores of a set of texts pooled as one (counts summed, divided by total words).
    public func zScores(of texts: [TextFeatures]) -> [Double] {
        let words = Double(max(texts.reduce(0) { $0 + $1.wordCount }, 1))
        var pooled = [Double](repeating: 0, count: FunctionWords.list.count)
        for text in texts {
            for i in pooled.indices { pooled[i] += Double(text.functionWordCounts[i]) }
        }
        return zScores(pooled.map { $0 / words })
    }

    /// Delta between two z-score vectors; lower is closer, 0 is identical.
    public func delta(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty else { return 0 }
        return zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(a.count)
    }

    /// Delta between a candidate and the author's references (pooled).
    public func distance(candidate: TextFeatures, references: [TextFeatures]) -> Double {
        delta(zScores(candidate.functionWordFrequencies), zScores(of: references))
    }
}
