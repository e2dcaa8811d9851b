import Stylometry

/// How close candidates are to a person's texts in style: cosine over TF-IDF character n-grams (the
/// stylometric judge's main signal), fitted on the person's texts and the candidates together. Used to
/// break ties between candidates that follow equally many habits.
public struct StylisticCloseness: Sendable {
    let featurizer = TextFeaturizer()
    let references: [TextFeatures]

    public init(texts: [String]) {
        references = featurizer.features(of: texts)
    }

    /// One similarity in [0, 1] per candidate, in order; higher is closer.
    public func scores(_ candidates: [String]) -> [Double] {
        let features = featurizer.features(of: candidates)
        let verifier = CosineVerifier(model: TFIDFModel(fitting: references + features, minimumDocumentFrequency: 1))
        let profile = verifier.profile(of: references)
        return features.map { verifier.similarity(weightedCandidate: verifier.model.weighted($0.characterNGrams), profile: profile) }
    }
}
