import Foundation

/// What a person's own page needs from a store besides profiles and hypotheses: the links people open it
/// with, the secret those are signed with (shared by every replica on the store), and erasing a person.
public protocol PersonPageStore: Sendable {
    /// Stores a new link.
    func savePersonLink(_ link: PersonLink) async throws
    /// The link with this id (any state), or nil.
    func personLink(id: String) async throws -> PersonLink?
    /// Every link of one user, oldest first.
    func personLinks(userID: String, tenant: TenantID) async throws -> [PersonLink]
    /// Revokes a link of this user and tenant; returns it (revoked now or before), or nil when the user has no
    /// link with this id.
    func revokePersonLink(id: String, userID: String, tenant: TenantID) async throws -> PersonLink?
    /// The secret links are signed with: the stored one, or `candidate` stored now when there is none yet.
    /// The first replica to store one wins, so all replicas sign alike and links survive restarts.
    func personLinkSecret(orStore candidate: Data) async throws -> Data
    /// Deletes everything stored about a person, in one transaction where the store has them: texts,
    /// attributes, hypotheses, inference jobs and links. False when there was no such user.
    func erasePerson(_ userID: String, tenant: TenantID) async throws -> Bool
}
