/// The whole "model of the user": a few hypotheses, attributes, and where they came from.
public struct HypothesisSet: Sendable, Hashable, Codable {
    public var userID: String
    public var hypotheses: [Hypothesis]
    public var attributes: InferredAttributes
    public var provenance: HypothesisProvenance
    /// Statements of inferred hypotheses a person removed; a re-inference does not bring them back.
    public var suppressedStatements: [String]
    /// Bumped by the store on every write, for optimistic concurrency between replicas.
    public var revision: Int

    public init(
        userID: String, hypotheses: [Hypothesis], attributes: InferredAttributes, provenance: HypothesisProvenance,
        suppressedStatements: [String] = [], revision: Int = 0
    ) {
        self.userID = userID
        self.hypotheses = hypotheses
        self.attributes = attributes
        self.provenance = provenance
        self.suppressedStatements = suppressedStatements
        self.revision = revision
    }

    /// True when the profile's texts changed since these hypotheses were inferred.
    public func isStale(for profile: UserProfile) -> Bool {
        provenance.textsHash != profile.textsHash
    }

    public func hypothesis(id: String) -> Hypothesis? {
        hypotheses.first { $0.id == id }
    }
}
