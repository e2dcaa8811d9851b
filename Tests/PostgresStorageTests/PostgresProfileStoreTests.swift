import Foundation
import HyPerAlign
import PostgresNIO
import PostgresStorage
import ProfileStorage
import ProfileStoreContract
import Synchronization
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
    @Test func listsAndRevokesAPIKeys() async throws { try await withStore { try await ProfileStoreContract.listsAndRevokesAPIKeys($0) } }
    @Test func appendsWithIDsAndALimit() async throws { try await withStore { try await ProfileStoreContract.appendsWithIDsAndALimit($0) } }
    @Test func queuesOneJobPerUser() async throws {
        try await withStore { try await JobStoreContract.queuesOneActiveJobPerUserAndCapsTheTenant($0) }
    }
    @Test func leasesBelongToTheirHolder() async throws { try await withStore { try await JobStoreContract.leasesBelongToTheirHolder($0) } }
    @Test func takesOverExpiredJobs() async throws { try await withStore { try await JobStoreContract.takesOverJobsWhoseLeaseExpired($0) } }
    @Test func prunesFinishedJobs() async throws { try await withStore { try await JobStoreContract.prunesFinishedJobs($0) } }
    @Test func storesListsAndRevokesLinks() async throws {
        try await withStore { try await PersonPageStoreContract.storesListsAndRevokesLinks($0) }
    }
    @Test func keepsTheFirstLinkSecret() async throws { try await withStore { try await PersonPageStoreContract.keepsTheFirstLinkSecret($0) } }
    @Test func erasesAPersonForGood() async throws { try await withStore { try await PersonPageStoreContract.erasesAPersonForGood($0) } }

    /// Two clients (as two replicas have) racing on one database.
    func withTwoStores(_ body: @Sendable (PostgresProfileStore, PostgresProfileStore) async throws -> Void) async throws {
        let configuration = try await PostgresTestDatabase.freshDatabase()
        try await PostgresProfileStore.withStore(configuration) { first in
            try await PostgresProfileStore.withStore(configuration) { second in try await body(first, second) }
        }
        try await PostgresTestDatabase.drop(configuration)
    }

    @Test func concurrentAppendsKeepTheLimitAndUniqueIDs() async throws {
        try await withTwoStores { try await ProfileStoreContract.concurrentAppendsKeepTheLimitAndUniqueIDs([$0, $1]) }
    }

    @Test func concurrentClaimsTakeAJobOnce() async throws {
        try await withTwoStores { first, second in
            try await JobStoreContract.concurrentClaimsTakeAJobOnce(TwoJobStores(first: first, second: second))
        }
    }

    @Test func concurrentEnqueuesRespectTheCap() async throws {
        try await withTwoStores { first, second in
            try await JobStoreContract.concurrentEnqueuesRespectTheCap(TwoJobStores(first: first, second: second))
        }
    }

    /// One budget across two clients: together they get the burst, not twice it; the budget refills.
    @Test func rateLimitsAreSharedByEveryClient() async throws {
        try await withTwoStores { first, second in
            let decisions = try await withThrowingTaskGroup(of: RateLimitDecision.self) { group in
                for index in 0..<30 {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask { try await store.takeRateLimitToken(bucket: "tenant:acme", rate: 0.001, burst: 10) }
                }
                return try await group.reduce(into: [RateLimitDecision]()) { $0.append($1) }
            }
            #expect(decisions.count { $0 == .allowed } == 10)
            let denied = decisions.compactMap { if case .denied(let after) = $0 { after } else { nil } }
            #expect(denied.count == 20)
            #expect(denied.allSatisfy { $0 > 900 && $0 <= 1000 })  // one token per 1000 s
            // Another bucket has its own budget.
            #expect(try await first.takeRateLimitToken(bucket: "tenant:globex", rate: 0.001, burst: 10) == .allowed)
            // A fast bucket refills: after its burst, a token is back within 1/rate s.
            for _ in 0..<2 { #expect(try await first.takeRateLimitToken(bucket: "tenant:fast", rate: 50, burst: 2) == .allowed) }
            var refilled = false
            for _ in 0..<100 where !refilled {
                try await Task.sleep(for: .milliseconds(20))
                refilled = try await second.takeRateLimitToken(bucket: "tenant:fast", rate: 50, burst: 2) == .allowed
            }
            #expect(refilled)
        }
    }

    @Test func profileReadsAreOneSnapshot() async throws {
        // Appends and reads race; every read's revision matches its texts (1 + appended count).
        try await withTwoStores { writer, reader in
            _ = try await writer.saveProfile(ProfileStoreContract.profile("snap", texts: 1), tenant: "t")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for index in 0..<40 {
                        _ = try await writer.appendTexts([UserText(id: "", text: "More \(index).")], to: "snap", tenant: "t")
                    }
                }
                group.addTask {
                    for _ in 0..<120 {
                        let profile = try #require(try await reader.profile("snap", tenant: "t"))
                        #expect(profile.texts.count == profile.revision)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

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

    /// A replica that finds the migration lock held by a stuck client fails with a clear error instead of
    /// waiting as long as that client does: the server gives up on the lock after the startup timeout.
    @Test func aStuckMigrationLockIsAClearErrorNotAWait() async throws {
        let configuration = try await PostgresTestDatabase.freshDatabase()
        let stuck = PostgresClient(configuration: configuration.clientConfiguration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await stuck.run() }
            defer { group.cancelAll() }
            try await stuck.withConnection { connection in
                _ = try await connection.query("SELECT pg_advisory_lock(\(PostgresSchema.lockKey))").get()
                // Short, since the lock cannot be had: it is the whole wait. The start afterwards keeps the
                // URL's own timeout, so a loaded machine does not fail it.
                let starting = {
                    var starting = configuration
                    starting.startupTimeout = .seconds(2)
                    return starting
                }()
                let error = try await withThrowingTaskGroup(of: StoreError?.self) { race in
                    race.addTask {
                        do {
                            try await PostgresProfileStore.withStore(starting) { _ in }
                            return nil
                        } catch let error as StoreError {
                            return error
                        }
                    }
                    race.addTask {
                        // A store that waited for the lock as long as it is held would hang the test: the lock
                        // is let go after two minutes, so such a store starts, and the test fails instead.
                        try await Task.sleep(for: .seconds(120))
                        _ = try await connection.query("SELECT pg_advisory_unlock(\(PostgresSchema.lockKey))").get()
                        return nil
                    }
                    defer { race.cancelAll() }
                    return try await race.next() ?? nil
                }
                #expect(error?.kind == .unavailable)
                _ = try await connection.query("SELECT pg_advisory_unlock_all()").get()
            }
        }
        // Once the lock is free, the same database starts normally.
        try await PostgresProfileStore.withStore(configuration) { store in
            _ = try await store.saveProfile(ProfileStoreContract.profile("after"), tenant: "t")
        }
        try await PostgresTestDatabase.drop(configuration)
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

/// Two stores as one, alternating calls: the contract's concurrent callers then race across two clients.
struct TwoJobStores: JobStore {
    let first: PostgresProfileStore
    let second: PostgresProfileStore
    let turn = Turn()

    final class Turn: Sendable {
        let count = Mutex(0)
        func next() -> Bool { count.withLock { $0 += 1; return $0.isMultiple(of: 2) } }
    }

    var store: PostgresProfileStore { turn.next() ? first : second }

    func enqueueJob(id: String, userID: String, tenant: TenantID, maxQueuedPerTenant: Int) async throws -> JobEnqueueResult {
        try await store.enqueueJob(id: id, userID: userID, tenant: tenant, maxQueuedPerTenant: maxQueuedPerTenant)
    }
    func job(_ id: String, tenant: TenantID) async throws -> StoredJob? { try await store.job(id, tenant: tenant) }
    func claimJob(owner: String, lease: Duration, maxAttempts: Int) async throws -> StoredJob? {
        try await store.claimJob(owner: owner, lease: lease, maxAttempts: maxAttempts)
    }
    func renewJobLease(_ id: String, owner: String, lease: Duration) async throws -> Bool {
        try await store.renewJobLease(id, owner: owner, lease: lease)
    }
    func finishJob(_ id: String, owner: String, outcome: JobOutcome) async throws -> Bool {
        try await store.finishJob(id, owner: owner, outcome: outcome)
    }
    func releaseJob(_ id: String, owner: String) async throws -> Bool { try await store.releaseJob(id, owner: owner) }
    func pruneJobs(finishedBefore date: Date) async throws -> Int { try await store.pruneJobs(finishedBefore: date) }
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
        #expect(configuration.startupTimeout == .seconds(15))
        #expect(throws: StoreError.self) { try PostgresStoreConfiguration(url: "mysql://x@y/z") }
    }

    /// libpq's `connect_timeout` sets how long opening the store waits; a value that is not whole seconds
    /// above 0 is refused by name rather than ignored.
    @Test func readsTheConnectTimeout() throws {
        #expect(try PostgresStoreConfiguration(url: "postgres://ann@db/prod?connect_timeout=120").startupTimeout == .seconds(120))
        for bad in ["0", "-3", "1.5", "soon", ""] {
            let error = #expect(throws: StoreError.self) { try PostgresStoreConfiguration(url: "postgres://ann@db/prod?connect_timeout=\(bad)") }
            #expect(error?.description.contains("connect_timeout") == true)
        }
    }
}
