/// How close one candidate text is to an author, by each verifier and combined.
public struct CandidateScore: Sendable, Hashable {
    /// Cosine similarity to the author's TF-IDF profile.
    public var cosine: Double
    /// Cosine to the author minus the mean cosine to the closest impostors.
    public var cosineMargin: Double
    /// Burrows' Delta to the author (lower is closer).
    public var delta: Double
    /// Mean Delta to the closest impostors minus Delta to the author (higher is closer to the author).
    public var deltaMargin: Double
    public var impostors: ImpostorsScore
    /// The weighted sum the judge compares; higher is closer to the author.
    public var combined: Double
}
