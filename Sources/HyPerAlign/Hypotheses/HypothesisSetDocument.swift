/// The one JSON shape of a hypothesis set, wherever it leaves the program: `hyperalign infer --json`,
/// `hypotheses show|edit --json`, the service's `/v1/users/{id}/hypotheses` and the person's download.
///
/// ```json
/// {"userID": "marta", "revision": 3, "stale": false,
///  "hypotheses": [{"id": "h-3f9a1c", "category": "style", "statement": "…", "evidence": ["…"], "origin": "added"}],
///  "attributes": {"language": "English", "sources": {"language": "measured"}, …},
///  "provenance": {"model": "…", "promptVersion": "infer-category@2", …}, "suppressedStatements": []}
/// ```
/// Commands that have more to say (inference reports) add keys beside these, never around them.
public struct HypothesisSetDocument: Sendable, Hashable, Codable {
    public var userID: String
    /// The store's revision (0 for a set that was never stored); `If-Match` and `revision` pin edits to it.
    public var revision: Int
    /// True when the person's texts changed since the hypotheses were inferred.
    public var stale: Bool
    public var hypotheses: [Hypothesis]
    public var attributes: InferredAttributes
    public var provenance: HypothesisProvenance
    /// Statements of inferred hypotheses the person removed; re-inference does not bring them back.
    public var suppressedStatements: [String]

    public init(_ set: HypothesisSet, stale: Bool) {
        userID = set.userID
        revision = set.revision
        self.stale = stale
        hypotheses = set.hypotheses
        attributes = set.attributes
        provenance = set.provenance
        suppressedStatements = set.suppressedStatements
    }

    /// The document of `set`, stale when `profile`'s texts changed since inference.
    public init(_ set: HypothesisSet, profile: UserProfile?) {
        self.init(set, stale: profile.map { set.isStale(for: $0) && !set.provenance.isPersonWritten } ?? false)
    }

    /// The set it describes.
    public var set: HypothesisSet {
        HypothesisSet(
            userID: userID, hypotheses: hypotheses, attributes: attributes, provenance: provenance,
            suppressedStatements: suppressedStatements, revision: revision)
    }
}
