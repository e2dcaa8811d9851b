import Foundation
import HyPerAlign
import PostgresStorage
import ProfileStorage
import ProfileStoreContract
import Testing

@Suite(.enabled(if: PostgresTestDatabase.isAvailable, "set HYPERALIGN_TEST_POSTGRES_URL (scripts/test does)"))
struct PostgresProfileStoreTests {
    func withStore(_ body: @Sendable (PostgresProfileStore) async throws -> Void) async throws {
        let configuration = try await PostgresTestDatabase.freshDatabase()
        try await PostgresProfileStore.withStore(configuration, body)
        try await PostgresTestDatabase.drop(configuration)
    }

    @Test func roundTrips() async throws { try await withStore { try await ProfileStoreContract.roundTripsProfilesAndHypotheses($0) } }
    @Test func isolatesTenants() async throws { try await withStore { try await ProfileStoreContract.isolatesTenants($0) } }
    @Test func detectsConcurrentEdits() async throws { try await withStore { try await ProfileStoreContract.detectsConcurrentEdits($0) } }
    @Test func concurrentUpdatesAllLand() async throws { try await withStore { try await ProfileStoreContract.concurrentUpdatesAllLand($0) } }
    @Test func deletes() async throws { try await withStore { try await ProfileStoreContract.deletesWithEverythingItOwns($0) } }
    @Test func deletesHypotheses() async throws {
        try await withStore { try await ProfileStoreContract.deletesHypothesesButKeepsTheProfile($0) }
    }
    @Test func storesAPIKeys() async throws { try await withStore { try await ProfileStoreContract.storesAPIKeysOnlyAsHashes($0) } }

    @Test func migratesOnceEvenWhenReplicasStartTogether() async throws {
        let configuration = try await PostgresTestDatabase.freshDatabase()
        let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask { try await PostgresProfileStore.withStore(configuration) { try await $0.migrate() } }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        // withStore migrates first, so each explicit migrate() finds nothing left to do.
        #expect(applied.isEmpty)
        try await PostgresProfileStore.withStore(configuration) { store in
            #expect(try await store.migrate().isEmpty)
            _ = try await store.saveProfile(ProfileStoreContract.profile("after"), tenant: "t")
        }
    }

    @Test func concurrentWritersLoseNoEdit() async throws {
        try await withStore { store in
            _ = try await store.saveProfile(ProfileStoreContract.profile("busy"), tenant: "t")
            _ = try await store.saveHypothesisSet(
                ProfileStoreContract.set(for: "busy", textsHash: ""), tenant: "t", expectedRevision: 0)
            // 12 writers each add one hypothesis with read-modify-write; conflicts are retried.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<12 {
                    group.addTask {
                        while true {
                            let current = try #require(try await store.hypothesisSet(for: "busy", tenant: "t"))
                            let edited = try current.applying(.add(category: .style, statement: "Edit \(writer).", evidence: []))
                            do {
                                _ = try await store.saveHypothesisSet(edited, tenant: "t", expectedRevision: current.revision)
                                return
                            } catch let error as StoreError where error.kind == .conflict {
                                continue
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try #require(try await store.hypothesisSet(for: "busy", tenant: "t"))
            #expect(final.hypotheses.count == 13)
            #expect(final.revision == 13)
        }
    }

    @Test func appendsTextsAtomically() async throws {
        try await withStore { store in
            _ = try await store.saveProfile(ProfileStoreContract.profile("app", texts: 1), tenant: "t")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        _ = try await store.appendTexts([UserText(id: "a\(index)", text: "Appended \(index).")], to: "app", tenant: "t")
                    }
                }
                try await group.waitForAll()
            }
            let profile = try #require(try await store.profile("app", tenant: "t"))
            #expect(profile.texts.count == 11)
            #expect(profile.revision == 11)
        }
    }

    @Test func anUnreachableServerIsAClearError() async throws {
        var configuration = PostgresStoreConfiguration(host: "127.0.0.1", port: 1, username: "nobody", database: "none")
        configuration.startupTimeout = .seconds(2)
        let error = await #expect(throws: StoreError.self) {
            try await PostgresProfileStore.withStore(configuration) { _ in }
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.description.contains("127.0.0.1:1") == true)
    }
}

/// Needs no server.
struct PostgresStoreConfigurationTests {
    @Test func parsesURLs() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://ann:s%40cret@db.local:6543/prod?sslmode=require")
        #expect(configuration.username == "ann")
        #expect(configuration.password == "s@cret")
        #expect(configuration.host == "db.local")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "prod")
        #expect(configuration.requireTLS)
        #expect(!configuration.redactedURL.contains("cret"))
        #expect(throws: StoreError.self) { try PostgresStoreConfiguration(url: "mysql://x@y/z") }
    }
}
