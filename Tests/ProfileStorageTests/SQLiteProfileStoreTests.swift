import Foundation
import HyPerAlign
import ProfileStorage
import SQLiteStorage
import Testing
import ProfileStoreContract

struct SQLiteProfileStoreTests {
    func makeStore() throws -> SQLiteProfileStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)/s.sqlite").path
        return try SQLiteProfileStore(path: path)
    }

    @Test func roundTrips() async throws { try await ProfileStoreContract.roundTripsProfilesAndHypotheses(try makeStore()) }
    @Test func isolatesTenants() async throws { try await ProfileStoreContract.isolatesTenants(try makeStore()) }
    @Test func detectsConcurrentEdits() async throws { try await ProfileStoreContract.detectsConcurrentEdits(try makeStore()) }
    @Test func concurrentUpdatesAllLand() async throws { try await ProfileStoreContract.concurrentUpdatesAllLand(try makeStore()) }
    @Test func deletes() async throws { try await ProfileStoreContract.deletesWithEverythingItOwns(try makeStore()) }
    @Test func deletesHypotheses() async throws {
        try await ProfileStoreContract.deletesHypothesesButKeepsTheProfile(try makeStore())
    }
    @Test func storesAPIKeys() async throws { try await ProfileStoreContract.storesAPIKeysOnlyAsHashes(try makeStore()) }
    @Test func listsAndRevokesAPIKeys() async throws { try await ProfileStoreContract.listsAndRevokesAPIKeys(try makeStore()) }
    @Test func appendsWithIDsAndALimit() async throws { try await ProfileStoreContract.appendsWithIDsAndALimit(try makeStore()) }
    @Test func concurrentAppendsKeepTheLimitAndUniqueIDs() async throws {
        // Three handles on one file, as three processes would have.
        let store = try makeStore()
        try await ProfileStoreContract.concurrentAppendsKeepTheLimitAndUniqueIDs(
            [store, try SQLiteProfileStore(path: store.path), try SQLiteProfileStore(path: store.path)])
    }
    @Test func queuesOneJobPerUser() async throws { try await JobStoreContract.queuesOneActiveJobPerUserAndCapsTheTenant(try makeStore()) }
    @Test func leasesBelongToTheirHolder() async throws { try await JobStoreContract.leasesBelongToTheirHolder(try makeStore()) }
    @Test func takesOverExpiredJobs() async throws { try await JobStoreContract.takesOverJobsWhoseLeaseExpired(try makeStore()) }
    @Test func concurrentClaimsTakeAJobOnce() async throws { try await JobStoreContract.concurrentClaimsTakeAJobOnce(try makeStore()) }
    @Test func concurrentEnqueuesRespectTheCap() async throws { try await JobStoreContract.concurrentEnqueuesRespectTheCap(try makeStore()) }
    @Test func prunesFinishedJobs() async throws { try await JobStoreContract.prunesFinishedJobs(try makeStore()) }
    @Test func storesListsAndRevokesLinks() async throws { try await PersonPageStoreContract.storesListsAndRevokesLinks(try makeStore()) }
    @Test func keepsTheFirstLinkSecret() async throws { try await PersonPageStoreContract.keepsTheFirstLinkSecret(try makeStore()) }
    @Test func erasesAPersonForGood() async throws { try await PersonPageStoreContract.erasesAPersonForGood(try makeStore()) }

    @Test func syncsEveryCommit() async throws {
        let store = try makeStore()
        // 2 = FULL: a commit is on disk before it is acknowledged.
        #expect(try await store.pragma("synchronous") == "2")
        #expect(try await store.pragma("journal_mode") == "wal")
    }

    @Test func jobsSurviveReopening() async throws {
        let store = try makeStore()
        _ = try await store.enqueueJob(id: "job_kept", userID: "ann", tenant: "t", maxQueuedPerTenant: 10)
        let reopened = try SQLiteProfileStore(path: store.path)
        #expect(try await reopened.job("job_kept", tenant: "t")?.status == .queued)
        #expect(try await reopened.claimJob(owner: "w", lease: .seconds(60), maxAttempts: 3)?.id == "job_kept")
    }

    @Test func survivesReopening() async throws {
        let store = try makeStore()
        _ = try await store.saveProfile(ProfileStoreContract.profile("dee"), tenant: .local)
        let reopened = try SQLiteProfileStore(path: store.path)
        #expect(try await reopened.profile("dee", tenant: .local)?.texts.count == 2)
    }

    @Test func aFailedWriteLeavesTheStoredProfileIntact() async throws {
        let store = try makeStore()
        _ = try await store.saveProfile(ProfileStoreContract.profile("eve", texts: 3), tenant: .local)
        // Duplicate positions cannot happen through the API; force a failure with a set for an unknown user.
        await #expect(throws: StoreError.self) {
            try await store.saveHypothesisSet(ProfileStoreContract.set(for: "nobody", textsHash: ""), tenant: .local, expectedRevision: nil)
        }
        #expect(try await store.profile("eve", tenant: .local)?.texts.count == 3)
    }

    @Test func anUnopenableFileIsAClearError() {
        let error = #expect(throws: StoreError.self) { try SQLiteProfileStore(path: "/proc/forbidden/x.sqlite") }
        #expect(error?.description.contains("/proc/forbidden/x.sqlite") == true)
    }
}
