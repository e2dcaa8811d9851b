import Foundation
import HTTPTypes
import HyPerAlign
import HyPerAlignService
import HyPerAlignTesting
import PostgresStorage
import ProfileStorage
import SQLiteStorage
import Testing

/// The rendered personalization is cached per (tenant, user) and valid for one revision of the user's
/// hypotheses and profile: a change made behind the service's back (another replica, the CLI, a job)
/// shows in the next request, and a user whose set is empty is not personalized.
struct PersonalizationCacheTests {
    static let userHeader = HTTPField.Name("X-HyPerAlign-User")!
    static let personalizedHeader = HTTPField.Name("X-HyPerAlign-Personalized")!
    static let hello = #"{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Write a note."}]}"#

    static func stores() throws -> [any ServiceStore] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString).sqlite").path
        return [try SQLiteProfileStore(path: path), InMemoryProfileStore()]  // the store's own reads, and the fallback
    }

    @Test(arguments: try stores())
    func changesMadeInTheStoreShowInTheNextRequest(store: any ServiceStore) async throws {
        try await Self.check(store)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"] != nil
                   || ProcessInfo.processInfo.environment["CI"] == "true", "set HYPERALIGN_TEST_POSTGRES_URL (scripts/test does)"))
    func changesMadeInPostgreSQLShowInTheNextRequest() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"],
                               "CI=true needs PostgreSQL: HYPERALIGN_TEST_POSTGRES_URL is not set")
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.database = "hyperalign_cache_\(UUID().uuidString.prefix(8).lowercased())"
        let server = try PostgresStoreConfiguration(url: url)
        try await PostgresAdmin.createDatabase(configuration.database, using: server)
        do {
            try await PostgresProfileStore.withStore(configuration) { store in try await Self.check(store) }
        } catch {
            try? await PostgresAdmin.dropDatabase(configuration.database, using: server)
            throw error
        }
        try await PostgresAdmin.dropDatabase(configuration.database, using: server)
    }

    static func check(_ store: any ServiceStore) async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Cheers!") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream), store: store) { harness in
                func personalization(_ index: Int) async throws -> String? {
                    let reply = try await harness.call(
                        .post, "/v1/chat/completions", key: harness.keyA, json: Self.hello, headers: [Self.userHeader: "ann"])
                    #expect(reply.status == 200)
                    let messages = OpenAIUpstream.messages(upstream, index)
                    #expect((reply.headers[Self.personalizedHeader] == "true") == (messages.count == 2))
                    return messages.count == 2 ? messages[0]["content"] as? String : nil
                }
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann", statement: "Signs off with 'Cheers'.")
                #expect(try await personalization(0)?.contains("Signs off with 'Cheers'.") == true)
                #expect(try await personalization(1)?.contains("Signs off with 'Cheers'.") == true)  // from the cache

                // A new hypothesis set, saved by someone else.
                try await harness.giveHypotheses("ann", statement: "Writes in lowercase.")
                let second = try #require(try await personalization(2))
                #expect(second.contains("Writes in lowercase.") && !second.contains("Cheers"))

                // New attributes on the profile, saved by someone else: rendered too.
                var profile = try #require(try await store.profile("ann", tenant: "acme"))
                profile.attributes = ["role": "editor"]
                _ = try await store.saveProfile(profile, tenant: "acme")
                #expect(try await personalization(3)?.contains(#"- attribute "role": "editor""#) == true)

                // A set without hypotheses personalizes nothing.
                var empty = try #require(try await store.hypothesisSet(for: "ann", tenant: "acme"))
                empty.hypotheses = []
                _ = try await store.saveHypothesisSet(empty, tenant: "acme", expectedRevision: nil)
                #expect(try await personalization(4) == nil)
            }
        }
    }
}
