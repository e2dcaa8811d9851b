import Foundation
import HyPerAlign
import ProfileStorage
import Testing

/// The behaviour every ``ProfileStore`` must have; each implementation's suite runs all of it.
public enum ProfileStoreContract {
    public static func profile(_ id: String, texts: Int = 2) -> UserProfile {
        UserProfile(
            id: id, texts: (0..<texts).map { UserText(id: "t\($0)", text: "Text number \($0) by \(id).", prompt: $0 == 0 ? "p" : nil) },
            attributes: ["role": "tester"])
    }

    public static func set(for userID: String, textsHash: String) -> HypothesisSet {
        HypothesisSet(
            userID: userID, hypotheses: [Hypothesis(category: .style, statement: "Writes tests.", evidence: ["Text number 0"])],
            attributes: InferredAttributes(typicalLengthWords: 5),
            provenance: HypothesisProvenance(model: "m", promptVersion: "infer-hypotheses@1", textsHash: textsHash, textCount: 2))
    }

    public static func roundTripsProfilesAndHypotheses(_ store: some ProfileStore) async throws {
        let saved = try await store.saveProfile(profile("ann"), tenant: "t1")
        #expect(saved.revision == 1)
        let loaded = try #require(try await store.profile("ann", tenant: "t1"))
        #expect(loaded.texts == profile("ann").texts)
        #expect(loaded.attributes == ["role": "tester"])

        let stored = try await store.saveHypothesisSet(set(for: "ann", textsHash: loaded.textsHash), tenant: "t1", expectedRevision: 0)
        #expect(stored.revision == 1)
        let back = try #require(try await store.hypothesisSet(for: "ann", tenant: "t1"))
        #expect(back.hypotheses == stored.hypotheses)
        #expect(back.provenance.promptVersion == "infer-hypotheses@1")
        #expect(!back.isStale(for: loaded))

        let appended = try await store.appendTexts([UserText(id: "new", text: "More.")], to: "ann", tenant: "t1")
        #expect(appended.texts.count == 3)
        #expect(appended.revision == 2)
        let summaries = try await store.profileSummaries(tenant: "t1")
        #expect(summaries.map(\.id) == ["ann"])
        #expect(summaries[0].hypothesesStale)
    }

    public static func isolatesTenants(_ store: some ProfileStore) async throws {
        _ = try await store.saveProfile(profile("shared-id"), tenant: "a")
        #expect(try await store.profile("shared-id", tenant: "b") == nil)
        #expect(try await store.profileSummaries(tenant: "b").isEmpty)
        #expect(try await store.deleteProfile("shared-id", tenant: "b") == false)
        await #expect(throws: StoreError.self) {
            try await store.saveHypothesisSet(set(for: "shared-id", textsHash: ""), tenant: "b", expectedRevision: nil)
        }
        await #expect(throws: StoreError.self) {
            try await store.appendTexts([UserText(id: "x", text: "x")], to: "shared-id", tenant: "b")
        }
        #expect(try await store.profile("shared-id", tenant: "a") != nil)
    }

    public static func detectsConcurrentEdits(_ store: some ProfileStore) async throws {
        _ = try await store.saveProfile(profile("bo"), tenant: "t")
        let first = try await store.saveHypothesisSet(set(for: "bo", textsHash: ""), tenant: "t", expectedRevision: 0)
        // Two editors read revision 1; the second save must not silently overwrite the first.
        var editA = first
        editA.hypotheses[0].statement = "A's edit"
        var editB = first
        editB.hypotheses[0].statement = "B's edit"
        _ = try await store.saveHypothesisSet(editA, tenant: "t", expectedRevision: first.revision)
        let error = await #expect(throws: StoreError.self) {
            try await store.saveHypothesisSet(editB, tenant: "t", expectedRevision: first.revision)
        }
        #expect(error?.kind == .conflict)
        #expect(try await store.hypothesisSet(for: "bo", tenant: "t")?.hypotheses[0].statement == "A's edit")
    }

    /// Concurrent read–change–save updates through the one update use case: every edit lands (conflicts are
    /// retried on the newer set), and a change that throws saves nothing.
    public static func concurrentUpdatesAllLand(_ store: some ProfileStore) async throws {
        _ = try await store.saveProfile(profile("cy"), tenant: "t")
        _ = try await store.saveHypothesisSet(set(for: "cy", textsHash: ""), tenant: "t", expectedRevision: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    _ = try await store.updateHypothesisSet(for: "cy", tenant: "t") { current in
                        try #require(current).applying(.add(category: .style, statement: "Edit \(writer).", evidence: []))
                    }
                }
            }
            try await group.waitForAll()
        }
        let stored = try #require(try await store.hypothesisSet(for: "cy", tenant: "t"))
        #expect(Set(stored.hypotheses.map(\.statement)) == Set(["Writes tests."] + (0..<8).map { "Edit \($0)." }))
        await #expect(throws: ContractRefusal.self) {
            _ = try await store.updateHypothesisSet(for: "cy", tenant: "t") { _ in throw ContractRefusal() }
        }
        #expect(try await store.hypothesisSet(for: "cy", tenant: "t")?.revision == stored.revision)
    }

    public static func deletesWithEverythingItOwns(_ store: some ProfileStore) async throws {
        _ = try await store.saveProfile(profile("cy"), tenant: "t")
        _ = try await store.saveHypothesisSet(set(for: "cy", textsHash: ""), tenant: "t", expectedRevision: nil)
        #expect(try await store.deleteProfile("cy", tenant: "t"))
        #expect(try await store.profile("cy", tenant: "t") == nil)
        #expect(try await store.hypothesisSet(for: "cy", tenant: "t") == nil)
        #expect(try await store.deleteProfile("cy", tenant: "t") == false)
        // Re-creating the id starts clean.
        _ = try await store.saveProfile(profile("cy"), tenant: "t")
        #expect(try await store.hypothesisSet(for: "cy", tenant: "t") == nil)
    }

    public static func deletesHypothesesButKeepsTheProfile(_ store: some ProfileStore) async throws {
        _ = try await store.saveProfile(profile("di"), tenant: "t")
        _ = try await store.saveHypothesisSet(set(for: "di", textsHash: ""), tenant: "t", expectedRevision: nil)
        #expect(try await store.deleteHypothesisSet(for: "di", tenant: "other") == false)
        #expect(try await store.deleteHypothesisSet(for: "di", tenant: "t"))
        #expect(try await store.hypothesisSet(for: "di", tenant: "t") == nil)
        #expect(try await store.profile("di", tenant: "t") != nil)
        #expect(try await store.deleteHypothesisSet(for: "di", tenant: "t") == false)
    }

    public static func storesAPIKeysOnlyAsHashes(_ store: some APIKeyStore) async throws {
        let key = APIKey.generate()
        try await store.saveAPIKey(APIKeyRecord(key: key, tenant: "acme"))
        let found = try #require(try await store.apiKey(hash: key.hash))
        #expect(found.tenant == "acme")
        #expect(found.hash == key.hash)
        #expect(!found.label.contains(key.secret))
        #expect(try await store.apiKey(hash: APIKey.generate().hash) == nil)
        #expect(try await store.apiKey(hash: key.secret) == nil)
        await #expect(throws: (any Error).self) { try await store.saveAPIKey(APIKeyRecord(key: key, tenant: "other")) }
        #expect(try await store.apiKey(hash: key.hash)?.tenant == "acme")
    }
}

extension ProfileStoreContract {
    /// Texts sent without an id get `tN` past the user's count, skipping ids in use; the limit is checked
    /// against what is stored, and a refused append stores nothing.
    public static func appendsWithIDsAndALimit(_ store: some ProfileStore) async throws {
        _ = try await store.saveProfile(UserProfile(id: "ed", texts: [UserText(id: "t2", text: "Taken id.")]), tenant: "t")
        let appended = try await store.appendTexts(
            [UserText(id: "", text: "First."), UserText(id: "mine", text: "Named."), UserText(id: "", text: "Second.")],
            to: "ed", tenant: "t", maxTexts: 4)
        #expect(appended.texts.map(\.id) == ["t2", "t3", "mine", "t4"])
        #expect(appended.revision == 2)
        let error = await #expect(throws: TextLimitExceeded.self) {
            try await store.appendTexts([UserText(id: "", text: "One too many.")], to: "ed", tenant: "t", maxTexts: 4)
        }
        #expect(error?.wouldHave == 5)
        let stored = try #require(try await store.profile("ed", tenant: "t"))
        #expect(stored.texts.count == 4)
        #expect(stored.revision == 2)
        await #expect(throws: StoreError.self) {
            try await store.appendTexts([UserText(id: "", text: "x")], to: "nobody", tenant: "t", maxTexts: 4)
        }
    }

    /// Appends racing through several handles on one database (as replicas or processes would): the
    /// total never passes the limit, no id is handed out twice, and every acknowledged append is stored.
    public static func concurrentAppendsKeepTheLimitAndUniqueIDs(_ stores: [any ProfileStore]) async throws {
        let first = try #require(stores.first)
        _ = try await first.saveProfile(UserProfile(id: "race", texts: [UserText(id: "t1", text: "Seed.")]), tenant: "t")
        let limit = 12
        let acknowledged = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<24 {
                let store = stores[index % stores.count]
                group.addTask {
                    do {
                        _ = try await store.appendTexts(
                            [UserText(id: "", text: "Append \(index).")], to: "race", tenant: "t", maxTexts: limit)
                        return "Append \(index)."
                    } catch is TextLimitExceeded {
                        return nil
                    }
                }
            }
            return try await group.reduce(into: [String]()) { if let text = $1 { $0.append(text) } }
        }
        let stored = try #require(try await first.profile("race", tenant: "t"))
        #expect(acknowledged.count == limit - 1)
        #expect(stored.texts.count == limit)
        #expect(Set(stored.texts.map(\.id)).count == stored.texts.count)
        #expect(Set(acknowledged).isSubset(of: Set(stored.texts.map(\.text))))
        #expect(stored.revision == 1 + acknowledged.count)
    }

    /// Keys are listed per tenant with their public ids; a revoked key is still found, marked revoked.
    public static func listsAndRevokesAPIKeys(_ store: some APIKeyStore) async throws {
        let (a1, a2, b) = (APIKey.generate(), APIKey.generate(), APIKey.generate())
        for (key, tenant) in [(a1, "acme"), (a2, "acme"), (b, "globex")] as [(APIKey, TenantID)] {
            try await store.saveAPIKey(APIKeyRecord(key: key, tenant: tenant))
        }
        let acme = try await store.apiKeys(tenant: "acme")
        #expect(Set(acme.map(\.hash)) == [a1.hash, a2.hash])
        #expect(try await store.apiKeys(tenant: nil).count == 3)
        #expect(acme.allSatisfy { $0.revokedAt == nil && $0.id.hasPrefix("key_") && !$0.id.contains($0.hash) })
        let id = try #require(acme.first { $0.hash == a1.hash }).id
        let revoked = try #require(try await store.revokeAPIKey(id: id))
        #expect(revoked.hash == a1.hash)
        #expect(revoked.revokedAt != nil)
        #expect(try await store.apiKey(hash: a1.hash)?.revokedAt != nil)
        #expect(try await store.apiKey(hash: a2.hash)?.revokedAt == nil)
        // Revoking twice keeps the first time; unknown and malformed ids find nothing.
        #expect(try await store.revokeAPIKey(id: id)?.revokedAt == revoked.revokedAt)
        #expect(try await store.revokeAPIKey(id: "key_0000000000000000") == nil)
        #expect(try await store.revokeAPIKey(id: a2.hash) == nil)
        #expect(try await store.apiKey(hash: a2.hash)?.revokedAt == nil)
    }
}

/// A change that refuses to be saved.
struct ContractRefusal: Error {}
