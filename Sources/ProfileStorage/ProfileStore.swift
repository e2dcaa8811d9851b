import Foundation
import HyPerAlign

/// Where profiles and hypothesis sets live. Every call is scoped to a tenant, and a tenant never sees
/// another tenant's users; the CLI uses the ``TenantID/local`` tenant.
///
/// Writes are transactional. Hypothesis sets carry a revision: a save that names the revision it read
/// fails with ``StoreError`` `conflict` if someone else saved in between, so no edit is lost silently.
public protocol ProfileStore: Sendable {
    /// Creates or replaces a profile (texts and attributes); returns it with its new revision.
    func saveProfile(_ profile: UserProfile, tenant: TenantID) async throws -> UserProfile
    func profile(_ id: String, tenant: TenantID) async throws -> UserProfile?
    func profileSummaries(tenant: TenantID) async throws -> [ProfileSummary]
    /// Deletes a profile with its texts and hypotheses; false when there was none.
    func deleteProfile(_ id: String, tenant: TenantID) async throws -> Bool
    /// Appends texts to an existing profile in one transaction, which also gives texts without an id
    /// their `tN` id and checks the total against `maxTexts` (``TextLimitExceeded``), so concurrent appends
    /// can neither pass the limit together nor share an id.
    func appendTexts(_ texts: [UserText], to id: String, tenant: TenantID, maxTexts: Int?) async throws -> UserProfile
    func hypothesisSet(for userID: String, tenant: TenantID) async throws -> HypothesisSet?
    /// Saves a hypothesis set. With `expectedRevision`, fails on a concurrent change.
    func saveHypothesisSet(_ set: HypothesisSet, tenant: TenantID, expectedRevision: Int?) async throws
        -> HypothesisSet
    /// Deletes a user's hypothesis set, keeping the profile; false when there was none.
    func deleteHypothesisSet(for userID: String, tenant: TenantID) async throws -> Bool
}

extension ProfileStore {
    /// Appends texts without a limit on their number.
    public func appendTexts(_ texts: [UserText], to id: String, tenant: TenantID) async throws -> UserProfile {
        try await appendTexts(texts, to: id, tenant: tenant, maxTexts: nil)
    }
}

/// A tenant of the service; every stored resource belongs to exactly one.
public struct TenantID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// The tenant of local, single-user use (the CLI).
    public static let local: TenantID = "local"
}

/// One line of a profile listing.
public struct ProfileSummary: Sendable, Hashable, Codable {
    public var id: String
    public var textCount: Int
    public var hasHypotheses: Bool
    public var hypothesesStale: Bool
    public var updatedAt: Date

    public init(id: String, textCount: Int, hasHypotheses: Bool, hypothesesStale: Bool, updatedAt: Date) {
        self.id = id
        self.textCount = textCount
        self.hasHypotheses = hasHypotheses
        self.hypothesesStale = hypothesesStale
        self.updatedAt = updatedAt
    }
}

/// A store operation that cannot be done, said plainly.
public struct StoreError: Error, Sendable, CustomStringConvertible, Hashable {
    public enum Kind: Sendable, Hashable {
        case notFound
        case conflict
        case corrupt
        case unavailable
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func notFound(user: String) -> StoreError {
        StoreError(.notFound, "no user '\(user)'")
    }

    public static func conflict(user: String, expected: Int, actual: Int) -> StoreError {
        StoreError(
            .conflict,
            "the hypotheses of '\(user)' changed meanwhile (revision \(actual), you edited \(expected)); reload and retry")
    }

    public var description: String { message }
}
