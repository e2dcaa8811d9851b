import HyPerAlign

/// Reads sized for a personalizing proxy: on every request only the revisions the rendered
/// personalization depends on (one indexed row), the hypotheses and attributes only when those changed,
/// and never the user's texts. The SQLite and PostgreSQL stores implement it; for any other
/// ``ProfileStore`` the service falls back to ``ProfileStore/hypothesisSet(for:tenant:)`` and
/// ``ProfileStore/profile(_:tenant:)``.
public protocol PersonalizationReading: Sendable {
    /// The revisions of the user's hypothesis set and profile; nil when the user has no hypothesis set.
    func personalizationRevision(for userID: String, tenant: TenantID) async throws -> PersonalizationRevision?
    /// The user's hypothesis set and attributes with their revisions, read together; nil when either the
    /// set or the profile is missing.
    func personalizationInputs(for userID: String, tenant: TenantID) async throws -> PersonalizationInputs?
}

/// What a user's rendered personalization depends on: the hypothesis set, and the profile whose
/// attributes are rendered beside it.
public struct PersonalizationRevision: Hashable, Sendable {
    public var hypotheses: Int
    public var profile: Int

    public init(hypotheses: Int, profile: Int) {
        self.hypotheses = hypotheses
        self.profile = profile
    }
}

/// A user's hypotheses and attributes — what personalization renders — without their texts.
public struct PersonalizationInputs: Sendable {
    public var set: HypothesisSet
    public var attributes: [String: String]
    public var revision: PersonalizationRevision

    public init(set: HypothesisSet, attributes: [String: String], revision: PersonalizationRevision) {
        self.set = set
        self.attributes = attributes
        self.revision = revision
    }
}
