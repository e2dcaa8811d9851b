import Foundation

/// Inverse document frequencies of character n-grams, fitted on a corpus.
///
/// Weighting by IDF stops n-grams that every text shares ("the ", "ing") from dominating cosine
/// similarity, so the rarer habits that identify a writer count.
public struct TFIDFModel: Sendable {
    /// Documents the model was fitted on.
    public let documentCount: Int
    /// n-grams seen in fewer documents are dropped as noise.
    public let minimumDocumentFrequency: Int
    let idf: [UInt64: Double]

    /// Fits IDF = ln((1 + N) / (1 + df)) + 1 on `corpus`, keeping n-grams with df ≥ `minimumDocumentFrequency`.
    public init(fitting corpus: [TextFeatures], minimumDocumentFrequency: Int = 2) {
        var df = KeyCounter(expectedKeys: 1 << 16)
        for features in corpus {
            for key in features.characterNGrams.keys { df.add(key) }
        }
        let n = Double(corpus.count)
        var idf: [UInt64: Double] = [:]
        idf.reserveCapacity(df.count)
        df.forEach { key, count in
            if count >= minimumDocumentFrequency {
                idf[key] = log((1 + n) / (1 + Double(count))) + 1
            }
        }
        self.idf = idf
        documentCount = corpus.count
        self.minimumDocumentFrequency = minimumDocumentFrequency
    }

    /// The number of n-grams in the vocabulary.
    public var vocabularySize: Int { idf.count }

    /// The IDF of an n-gram, nil when it is outside the vocabulary.
    public func inverseDocumentFrequency(of key: NGramKey) -> Double? {
        idf[key.featureID]
    }

    /// Sublinear TF (1 + ln count) × IDF, L2-normalised; out-of-vocabulary n-grams are dropped.
    public func weighted(_ counts: SparseVector) -> SparseVector {
        counts.mapEntries { key, count in
            guard let weight = idf[key], count > 0 else { return 0 }
            return (1 + log(count)) * weight
        }.normalized()
    }
}
