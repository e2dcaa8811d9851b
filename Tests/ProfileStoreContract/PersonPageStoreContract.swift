import Foundation
import HyPerAlign
import ProfileStorage
import Testing

/// The behaviour every ``PersonPageStore`` must have: links stored per user and tenant, revoked only by their
/// own user and tenant, one link secret per store (the first stored wins), and erasing a person for good.
public enum PersonPageStoreContract {
    public static func storesListsAndRevokesLinks(_ store: some ProfileStore & PersonPageStore) async throws {
        _ = try await store.saveProfile(ProfileStoreContract.profile("ann"), tenant: "t1")
        _ = try await store.saveProfile(ProfileStoreContract.profile("bo"), tenant: "t1")
        _ = try await store.saveProfile(ProfileStoreContract.profile("ann"), tenant: "t2")
        let now = Date()
        let first = PersonLink(tenant: "t1", userID: "ann", createdAt: now, expiresAt: now.addingTimeInterval(3600))
        let second = PersonLink(tenant: "t1", userID: "ann", createdAt: now.addingTimeInterval(1), expiresAt: now.addingTimeInterval(60))
        let bos = PersonLink(tenant: "t1", userID: "bo", createdAt: now, expiresAt: now.addingTimeInterval(3600))
        let otherTenant = PersonLink(tenant: "t2", userID: "ann", createdAt: now, expiresAt: now.addingTimeInterval(3600))
        for link in [second, first, bos, otherTenant] { try await store.savePersonLink(link) }

        let read = try #require(try await store.personLink(id: first.id))
        #expect(read.id == first.id && read.tenant == "t1" && read.userID == "ann")
        #expect(abs(read.createdAt.timeIntervalSince(first.createdAt)) < 0.01)
        #expect(abs(read.expiresAt.timeIntervalSince(first.expiresAt)) < 0.01)
        #expect(read.revokedAt == nil)
        #expect(read.state(at: now) == .active)
        #expect(try await store.personLink(id: PersonLink.makeID()) == nil)

        // One user's links, oldest first; not another user's, not the same id in another tenant.
        #expect(try await store.personLinks(userID: "ann", tenant: "t1").map(\.id) == [first.id, second.id])
        #expect(try await store.personLinks(userID: "ann", tenant: "t2").map(\.id) == [otherTenant.id])
        #expect(try await store.personLinks(userID: "cy", tenant: "t1").isEmpty)

        // Revocation takes the link's own user and tenant; anything else finds nothing and changes nothing.
        #expect(try await store.revokePersonLink(id: first.id, userID: "bo", tenant: "t1") == nil)
        #expect(try await store.revokePersonLink(id: first.id, userID: "ann", tenant: "t2") == nil)
        #expect(try await store.personLink(id: first.id)?.revokedAt == nil)
        let revoked = try #require(try await store.revokePersonLink(id: first.id, userID: "ann", tenant: "t1"))
        let revokedAt = try #require(revoked.revokedAt)
        #expect(revoked.state(at: now) == .revoked)
        #expect(try await store.personLink(id: first.id)?.state() == .revoked)
        // Revoking again reports the link and keeps the first revocation time.
        let again = try #require(try await store.revokePersonLink(id: first.id, userID: "ann", tenant: "t1"))
        #expect(again.revokedAt.map { abs($0.timeIntervalSince(revokedAt)) < 0.01 } == true)
        #expect(try await store.personLink(id: second.id)?.revokedAt == nil)
    }

    public static func keepsTheFirstLinkSecret(_ store: some PersonPageStore) async throws {
        let first = Data((0..<32).map { UInt8($0) })
        let second = Data((0..<32).map { UInt8(255 - $0) })
        #expect(try await store.personLinkSecret(orStore: first) == first)
        #expect(try await store.personLinkSecret(orStore: second) == first)
    }

    public static func erasesAPersonForGood(_ store: some ProfileStore & PersonPageStore & JobStore) async throws {
        let saved = try await store.saveProfile(ProfileStoreContract.profile("ann", texts: 3), tenant: "t1")
        _ = try await store.saveProfile(ProfileStoreContract.profile("ann"), tenant: "t2")
        _ = try await store.saveProfile(ProfileStoreContract.profile("bo"), tenant: "t1")
        _ = try await store.saveHypothesisSet(ProfileStoreContract.set(for: "ann", textsHash: saved.textsHash), tenant: "t1", expectedRevision: 0)
        _ = try await store.enqueueJob(id: "job_ann", userID: "ann", tenant: "t1", maxQueuedPerTenant: 10)
        _ = try await store.enqueueJob(id: "job_bo", userID: "bo", tenant: "t1", maxQueuedPerTenant: 10)
        let link = PersonLink(tenant: "t1", userID: "ann", expiresAt: Date().addingTimeInterval(3600))
        let bosLink = PersonLink(tenant: "t1", userID: "bo", expiresAt: Date().addingTimeInterval(3600))
        try await store.savePersonLink(link)
        try await store.savePersonLink(bosLink)

        #expect(try await store.erasePerson("ann", tenant: "t1"))
        #expect(try await store.profile("ann", tenant: "t1") == nil)
        #expect(try await store.hypothesisSet(for: "ann", tenant: "t1") == nil)
        #expect(try await store.job("job_ann", tenant: "t1") == nil)
        #expect(try await store.personLink(id: link.id) == nil)
        #expect(try await store.personLinks(userID: "ann", tenant: "t1").isEmpty)
        // Nobody else's data goes with it: not bo's, not the same id in another tenant.
        #expect(try await store.profile("ann", tenant: "t2") != nil)
        #expect(try await store.profile("bo", tenant: "t1") != nil)
        #expect(try await store.job("job_bo", tenant: "t1") != nil)
        #expect(try await store.personLink(id: bosLink.id) != nil)
        // A person who is not there.
        #expect(try await store.erasePerson("ann", tenant: "t1") == false)
        #expect(try await store.erasePerson("nobody", tenant: "t1") == false)
    }
}
