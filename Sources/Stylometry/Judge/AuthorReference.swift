/// An author's reference texts, featurized and profiled once so many candidates can be judged cheaply.
public struct AuthorReference: Sendable {
    public let author: String
    public let features: [TextFeatures]
    /// The TF-IDF centroid used by cosine similarity.
    public let profile: SparseVector
    /// Pooled function-word z-scores used by Burrows' Delta.
    public let zScores: [Double]
    let target: ImpostorsVerifier.Target
}
