import Foundation
import HyPerAlign
import HyPerAlignService
import ProfileStorage
import SQLiteStorage
import Testing

struct PersonLinkTests {
    static let secret = Data("a link secret of thirty-two bytes!!".utf8)

    @Test func aSignedTokenVerifiesAndAnyChangeToItDoesNot() throws {
        let token = PersonLinkToken(linkID: PersonLink.makeID(), tenant: "acme", userID: "marta", expiresAt: Date(timeIntervalSince1970: 1_900_000_000))
        let signed = token.signed(with: Self.secret)
        #expect(try PersonLinkToken.verify(signed, secret: Self.secret) == token)
        #expect(throws: PersonLinkToken.Problem.invalid) { try PersonLinkToken.verify(signed, secret: Data("another secret of 32 bytes, too!!!".utf8)) }
        var characters = Array(signed)
        for index in [0, characters.count / 2, characters.count - 1] {
            let original = characters[index]
            characters[index] = original == "A" ? "B" : "A"
            #expect(throws: PersonLinkToken.Problem.invalid) { try PersonLinkToken.verify(String(characters), secret: Self.secret) }
            characters[index] = original
        }
        for garbage in ["", ".", "abc", "a.b.c", signed + ".x", String(repeating: "A", count: 2000)] {
            #expect(throws: PersonLinkToken.Problem.invalid) { try PersonLinkToken.verify(garbage, secret: Self.secret) }
        }
    }

    @Test func formTokensDifferPerLinkAndPurpose() {
        let a = PersonLinkToken(linkID: PersonLink.makeID(), tenant: "acme", userID: "marta", expiresAt: Date(timeIntervalSince1970: 1_900_000_000))
        let b = PersonLinkToken(linkID: PersonLink.makeID(), tenant: "acme", userID: "marta", expiresAt: a.expiresAt)
        #expect(a.derivedToken(purpose: "form", secret: Self.secret) == a.derivedToken(purpose: "form", secret: Self.secret))
        #expect(a.derivedToken(purpose: "form", secret: Self.secret) != b.derivedToken(purpose: "form", secret: Self.secret))
        #expect(a.derivedToken(purpose: "form", secret: Self.secret) != a.derivedToken(purpose: "other", secret: Self.secret))
    }

    /// Two replicas (two stores on one database file) sign alike, and a restart keeps the secret.
    @Test func replicasOnOneStoreShareTheSecretAndLinksSurviveARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try SQLiteProfileStore(path: path)
        _ = try await first.saveProfile(UserProfile(id: "marta", texts: [UserText(id: "t1", text: "Short version: yes.")]), tenant: "acme")
        let issued = try await PersonLinks(store: first).issue(userID: "marta", tenant: "acme", baseURL: "http://127.0.0.1:1")
        let token = String(issued.url.split(separator: "/").last!)

        let second = try SQLiteProfileStore(path: path)
        #expect(try await PersonLinks(store: second).secret() == (try await PersonLinks(store: first).secret()))
        let opened = try await PersonLinks(store: second).open(token).get()
        #expect(opened.link.userID == "marta")
        #expect(opened.link.tenant == "acme")
        #expect(issued.expiresAt.timeIntervalSince(issued.createdAt) > 7 * 86_400 - 2)

        // Revoked on one replica, refused on the other.
        #expect(try await PersonLinks(store: first).revoke(linkID: issued.id, userID: "marta", tenant: "acme")?.revokedAt != nil)
        #expect(try await PersonLinks(store: second).open(token) == .failure(.revoked))
        // Another tenant's user of the same id cannot revoke it; an unknown user gets no link.
        #expect(try await PersonLinks(store: first).revoke(linkID: issued.id, userID: "marta", tenant: "globex") == nil)
        await #expect(throws: PersonLinkError.self) {
            try await PersonLinks(store: first).issue(userID: "nobody", tenant: "acme", baseURL: "http://x")
        }
        await #expect(throws: PersonLinkError.self) {
            try await PersonLinks(store: first).issue(userID: "marta", tenant: "acme", lifetime: .seconds(365 * 86_400), baseURL: "http://x")
        }
    }

    @Test func theInMemoryStoreKeepsLinksAndErasesAPerson() async throws {
        let store = InMemoryProfileStore()
        _ = try await store.saveProfile(UserProfile(id: "ann", texts: [UserText(id: "t1", text: "Hello there, friends.")]), tenant: "acme")
        let issued = try await PersonLinks(store: store).issue(userID: "ann", tenant: "acme", baseURL: "http://x")
        #expect(try await store.personLinks(userID: "ann", tenant: "acme").map(\.id) == [issued.id])
        #expect(try await store.erasePerson("ann", tenant: "acme"))
        #expect(try await store.profile("ann", tenant: "acme") == nil)
        #expect(try await store.personLinks(userID: "ann", tenant: "acme").isEmpty)
        #expect(try await PersonLinks(store: store).open(String(issued.url.split(separator: "/").last!)) == .failure(.gone))
    }
}
