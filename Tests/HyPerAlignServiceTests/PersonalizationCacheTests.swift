import Foundation
import HTTPTypes
import HyPerAlign
import HyPerAlignService
import HyPerAlignTesting
import PostgresStorage
import ProfileStorage
import SQLiteStorage
import Synchronization
import Testing

/// The rendered personalization is cached per (tenant, user) and valid for one revision of the user's
/// hypotheses and profile: a change made behind the service's back (another replica, the CLI, a job)
/// shows within the change-poll interval, and a user whose set is empty is not personalized.
struct PersonalizationCacheTests {
    static let userHeader = HTTPField.Name("X-HyPerAlign-User")!
    static let personalizedHeader = HTTPField.Name("X-HyPerAlign-Personalized")!
    static let hello = #"{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Write a note."}]}"#

    static func stores() throws -> [any ServiceStore] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString).sqlite").path
        return [try SQLiteProfileStore(path: path), InMemoryProfileStore()]  // the store's own reads, and the fallback
    }

    @Test(arguments: try stores())
    func changesMadeInTheStoreShowInProxiedRequests(store: any ServiceStore) async throws {
        try await Self.check(store)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"] != nil
                   || ProcessInfo.processInfo.environment["CI"] == "true", "set HYPERALIGN_TEST_POSTGRES_URL (scripts/test does)"))
    func changesMadeInPostgreSQLShowInProxiedRequests() async throws {
        try await Self.withPostgreSQLDatabase("cache") { database in
            try await PostgresProfileStore.withStore(database) { store in try await Self.check(store) }
        }
    }

    /// The change count the proxy polls moves with every change to a profile or hypothesis set, also one
    /// committed through another connection to the same database (as another replica or the CLI would).
    @Test func everyChangeMovesTheChangeCountSeenByAnotherConnection() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("count-\(UUID().uuidString).sqlite").path
        try await Self.checkChangeCount(writer: try SQLiteProfileStore(path: path), watcher: try SQLiteProfileStore(path: path))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"] != nil
                   || ProcessInfo.processInfo.environment["CI"] == "true", "set HYPERALIGN_TEST_POSTGRES_URL (scripts/test does)"))
    func everyChangeMovesThePostgreSQLChangeCountSeenByAnotherReplica() async throws {
        try await Self.withPostgreSQLDatabase("count") { database in
            try await PostgresProfileStore.withStore(database) { writer in
                try await PostgresProfileStore.withStore(database) { watcher in
                    try await Self.checkChangeCount(writer: writer, watcher: watcher)
                }
            }
        }
    }

    /// A database of its own on the test server for as long as `body` runs, then dropped.
    static func withPostgreSQLDatabase(
        _ prefix: String, _ body: @Sendable (PostgresStoreConfiguration) async throws -> Void
    ) async throws {
        let url = try #require(ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"],
                               "CI=true needs PostgreSQL: HYPERALIGN_TEST_POSTGRES_URL is not set")
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.database = "hyperalign_\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        let server = try PostgresStoreConfiguration(url: url)
        try await PostgresAdmin.createDatabase(configuration.database, using: server)
        do {
            try await body(configuration)
        } catch {
            try? await PostgresAdmin.dropDatabase(configuration.database, using: server)
            throw error
        }
        try await PostgresAdmin.dropDatabase(configuration.database, using: server)
    }

    static func checkChangeCount(writer: any ServiceStore, watcher: any PersonalizationChangeCounting) async throws {
        var last = try await watcher.personalizationChangeCount()
        func moved() async throws -> Bool {
            let now = try await watcher.personalizationChangeCount()
            defer { last = now }
            return now != last
        }
        var profile = try await writer.saveProfile(UserProfile(id: "ann", texts: [UserText(id: "t1", text: "Cheers.")]), tenant: "acme")
        #expect(try await moved(), "a new profile")
        let set = HypothesisSet(
            userID: "ann", hypotheses: [Hypothesis(category: .style, statement: "Signs off.", evidence: [])],
            attributes: InferredAttributes(),
            provenance: HypothesisProvenance(model: "m", promptVersion: "p@1", textsHash: "", textCount: 1))
        _ = try await writer.saveHypothesisSet(set, tenant: "acme", expectedRevision: nil)
        #expect(try await moved(), "a new hypothesis set")
        _ = try await writer.saveHypothesisSet(set, tenant: "acme", expectedRevision: nil)
        #expect(try await moved(), "a replaced hypothesis set")
        profile.attributes = ["role": "editor"]
        _ = try await writer.saveProfile(profile, tenant: "acme")
        #expect(try await moved(), "new attributes")
        try await writer.saveAPIKey(APIKeyRecord(key: APIKey.generate(), tenant: "acme"))
        #expect(try await !moved(), "an API key is not personalization")
        #expect(try await writer.deleteHypothesisSet(for: "ann", tenant: "acme"))
        #expect(try await moved(), "a deleted hypothesis set")
        #expect(try await writer.deleteProfile("ann", tenant: "acme"))
        #expect(try await moved(), "a deleted profile")
    }

    static func check(_ store: any ServiceStore) async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Cheers!") }) { upstream in
            // No rate limit: the polling below sends a request every few milliseconds for as long as it takes.
            let configuration = ServiceConfiguration(port: 0, rateLimit: .unlimited)
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream), store: store, configuration: configuration) { harness in
                func personalization() async throws -> String? {
                    let before = upstream.requests.count
                    let reply = try await harness.call(
                        .post, "/v1/chat/completions", key: harness.keyA, json: Self.hello, headers: [Self.userHeader: "ann"])
                    try #require(reply.status == 200 && upstream.requests.count == before + 1, "\(reply.status)")
                    let messages = OpenAIUpstream.messages(upstream, before)
                    #expect((reply.headers[Self.personalizedHeader] == "true") == (messages.count == 2))
                    return messages.count == 2 ? messages[0]["content"] as? String : nil
                }
                // A change saved behind the service's back shows within the change-poll interval (25 ms):
                // requests are repeated for up to 5 s until it does.
                func eventually(_ shows: (String?) -> Bool) async throws -> String? {
                    let deadline = ContinuousClock.now + .seconds(5)
                    var latest = try await personalization()
                    while !shows(latest), ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(5))
                        latest = try await personalization()
                    }
                    #expect(shows(latest))
                    return latest
                }
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann", statement: "Signs off with 'Cheers'.")
                _ = try await eventually { $0?.contains("Signs off with 'Cheers'.") == true }
                #expect(try await personalization()?.contains("Signs off with 'Cheers'.") == true)  // from the cache

                // A new hypothesis set, saved by someone else.
                try await harness.giveHypotheses("ann", statement: "Writes in lowercase.")
                _ = try await eventually { $0?.contains("Writes in lowercase.") == true && $0?.contains("Cheers") == false }

                // New attributes on the profile, saved by someone else: rendered too.
                var profile = try #require(try await store.profile("ann", tenant: "acme"))
                profile.attributes = ["role": "editor"]
                _ = try await store.saveProfile(profile, tenant: "acme")
                _ = try await eventually { $0?.contains(#"- attribute "role": "editor""#) == true }

                // A set without hypotheses personalizes nothing.
                var empty = try #require(try await store.hypothesisSet(for: "ann", tenant: "acme"))
                empty.hypotheses = []
                _ = try await store.saveHypothesisSet(empty, tenant: "acme", expectedRevision: nil)
                _ = try await eventually { $0 == nil }
            }
        }
    }
}
