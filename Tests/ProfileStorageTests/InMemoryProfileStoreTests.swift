import Foundation
import HyPerAlign
import ProfileStorage
import ProfileStoreContract
import Testing

/// The in-memory store (tests, `--store memory`) keeps the same contract as the durable stores.
struct InMemoryProfileStoreTests {
    @Test func roundTrips() async throws { try await ProfileStoreContract.roundTripsProfilesAndHypotheses(InMemoryProfileStore()) }
    @Test func isolatesTenants() async throws { try await ProfileStoreContract.isolatesTenants(InMemoryProfileStore()) }
    @Test func detectsConcurrentEdits() async throws { try await ProfileStoreContract.detectsConcurrentEdits(InMemoryProfileStore()) }
    @Test func concurrentUpdatesAllLand() async throws { try await ProfileStoreContract.concurrentUpdatesAllLand(InMemoryProfileStore()) }
    @Test func deletes() async throws { try await ProfileStoreContract.deletesWithEverythingItOwns(InMemoryProfileStore()) }
    @Test func deletesHypotheses() async throws { try await ProfileStoreContract.deletesHypothesesButKeepsTheProfile(InMemoryProfileStore()) }
    @Test func storesAPIKeys() async throws { try await ProfileStoreContract.storesAPIKeysOnlyAsHashes(InMemoryProfileStore()) }
    @Test func listsAndRevokesAPIKeys() async throws { try await ProfileStoreContract.listsAndRevokesAPIKeys(InMemoryProfileStore()) }
    @Test func appendsWithIDsAndALimit() async throws { try await ProfileStoreContract.appendsWithIDsAndALimit(InMemoryProfileStore()) }
    @Test func concurrentAppendsKeepTheLimitAndUniqueIDs() async throws {
        let store = InMemoryProfileStore()
        try await ProfileStoreContract.concurrentAppendsKeepTheLimitAndUniqueIDs([store, store])
    }
    @Test func queuesOneJobPerUser() async throws {
        try await JobStoreContract.queuesOneActiveJobPerUserAndCapsTheTenant(InMemoryProfileStore())
    }
    @Test func leasesBelongToTheirHolder() async throws { try await JobStoreContract.leasesBelongToTheirHolder(InMemoryProfileStore()) }
    @Test func takesOverExpiredJobs() async throws { try await JobStoreContract.takesOverJobsWhoseLeaseExpired(InMemoryProfileStore()) }
    @Test func concurrentClaimsTakeAJobOnce() async throws { try await JobStoreContract.concurrentClaimsTakeAJobOnce(InMemoryProfileStore()) }
    @Test func concurrentEnqueuesRespectTheCap() async throws {
        try await JobStoreContract.concurrentEnqueuesRespectTheCap(InMemoryProfileStore())
    }
    @Test func prunesFinishedJobs() async throws { try await JobStoreContract.prunesFinishedJobs(InMemoryProfileStore()) }
    @Test func storesListsAndRevokesLinks() async throws { try await PersonPageStoreContract.storesListsAndRevokesLinks(InMemoryProfileStore()) }
    @Test func keepsTheFirstLinkSecret() async throws { try await PersonPageStoreContract.keepsTheFirstLinkSecret(InMemoryProfileStore()) }
    @Test func erasesAPersonForGood() async throws { try await PersonPageStoreContract.erasesAPersonForGood(InMemoryProfileStore()) }
}
