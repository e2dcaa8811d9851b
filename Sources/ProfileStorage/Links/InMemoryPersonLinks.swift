import Foundation
import Synchronization

/// The in-memory store's person links and link secret (see ``InMemoryProfileStore``).
final class InMemoryPersonLinks: Sendable {
    private let state = Mutex<(links: [String: PersonLink], secret: Data?)>(([:], nil))

    func save(_ link: PersonLink) throws {
        try state.withLock { state in
            guard state.links[link.id] == nil else { throw StoreError(.conflict, "a link with id '\(link.id)' exists") }
            state.links[link.id] = link
        }
    }

    func link(id: String) -> PersonLink? { state.withLock { $0.links[id] } }

    func links(userID: String, tenant: TenantID) -> [PersonLink] {
        state.withLock { state in
            state.links.values.filter { $0.userID == userID && $0.tenant == tenant }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    func revoke(id: String, userID: String, tenant: TenantID) -> PersonLink? {
        state.withLock { state in
            guard var link = state.links[id], link.userID == userID, link.tenant == tenant else { return nil }
            if link.revokedAt == nil { link.revokedAt = Date() }
            state.links[id] = link
            return link
        }
    }

    @discardableResult
    func delete(userID: String, tenant: TenantID) -> Int {
        state.withLock { state in
            let ids = state.links.values.filter { $0.userID == userID && $0.tenant == tenant }.map(\.id)
            for id in ids { state.links[id] = nil }
            return ids.count
        }
    }

    func secret(orStore candidate: Data) -> Data {
        state.withLock { state in
            if let secret = state.secret { return secret }
            state.secret = candidate
            return candidate
        }
    }
}

extension InMemoryProfileStore: PersonPageStore {
    public nonisolated func savePersonLink(_ link: PersonLink) throws { try personLinkTable.save(link) }
    public nonisolated func personLink(id: String) -> PersonLink? { personLinkTable.link(id: id) }
    public nonisolated func personLinks(userID: String, tenant: TenantID) -> [PersonLink] {
        personLinkTable.links(userID: userID, tenant: tenant)
    }
    public nonisolated func revokePersonLink(id: String, userID: String, tenant: TenantID) -> PersonLink? {
        personLinkTable.revoke(id: id, userID: userID, tenant: tenant)
    }
    public func erasePerson(_ userID: String, tenant: TenantID) -> Bool {
        personLinkTable.delete(userID: userID, tenant: tenant)
        deleteJobs(userID: userID, tenant: tenant)
        return deleteProfile(userID, tenant: tenant)
    }
    public nonisolated func personLinkSecret(orStore candidate: Data) -> Data { personLinkTable.secret(orStore: candidate) }
}
