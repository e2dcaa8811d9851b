/// Authorship verification by cosine similarity over TF-IDF character 3–5-gram vectors.
///
/// The classic strong baseline of the PAN shared tasks: a candidate by the author shares the author's
/// spelling, morphology and punctuation habits, which character n-grams capture without any parsing.
public struct CosineVerifier: Sendable {
    public let model: TFIDFModel

    public init(model: TFIDFModel) {
        self.model = model
    }

    /// The author's profile: the normalised centroid of the references' weighted vectors.
    public func profile(of references: [TextFeatures]) -> SparseVector {
        SparseVector.mean(references.map { model.weighted($0.characterNGrams) }).normalized()
    }

    /// Cosine similarity in [0, 1] between a candidate and the author's references; higher is closer.
    public func similarity(candidate: TextFeatures, references: [TextFeatures]) -> Double {
        model.weighted(candidate.characterNGrams).cosine(profile(of: references))
    }

    /// The same, with a precomputed profile and a candidate already weighted by `model`.
    public func similarity(weightedCandidate: SparseVector, profile: SparseVector) -> Double {
        weightedCandidate.cosine(profile)
    }
}
