import Foundation
import HyPerAlign
import ProfileStorage
import Testing

/// The behaviour every ``JobStore`` must have: one active job per user, a per-tenant cap on queued jobs,
/// leases that only their holder can use, and jobs taken over once a lease expires.
public enum JobStoreContract {
    public static func queuesOneActiveJobPerUserAndCapsTheTenant(_ store: some JobStore) async throws {
        guard case .created(let first) = try await store.enqueueJob(id: "job_a", userID: "ann", tenant: "t", maxQueuedPerTenant: 2)
        else { Issue.record("the first job must be created"); return }
        #expect(first.status == .queued)
        #expect(first.attempts == 0)
        // A second request for the same user gets the queued job back.
        #expect(existingID(try await store.enqueueJob(id: "job_b", userID: "ann", tenant: "t", maxQueuedPerTenant: 2)) == first.id)
        #expect(try await store.job("job_b", tenant: "t") == nil)
        guard case .created = try await store.enqueueJob(id: "job_c", userID: "bo", tenant: "t", maxQueuedPerTenant: 2) else {
            Issue.record("a second user's job must be created"); return
        }
        // Two queued: the tenant is full, another tenant is not.
        #expect(try await store.enqueueJob(id: "job_d", userID: "cy", tenant: "t", maxQueuedPerTenant: 2) == .tenantQueueFull(queued: 2))
        #expect(try await store.job("job_d", tenant: "t") == nil)
        guard case .created = try await store.enqueueJob(id: "job_e", userID: "cy", tenant: "other", maxQueuedPerTenant: 2) else {
            Issue.record("another tenant has a queue of its own"); return
        }
        // Tenants do not see each other's jobs.
        #expect(try await store.job("job_a", tenant: "other") == nil)
        #expect(try await store.job("job_a", tenant: "t")?.userID == "ann")

        // A running job still counts as the user's active job, but no longer as queued.
        let claimed = try #require(try await store.claimJob(owner: "w1", lease: .seconds(60), maxAttempts: 3))
        #expect(claimed.id == "job_a")
        #expect(existingID(try await store.enqueueJob(id: "job_f", userID: "ann", tenant: "t", maxQueuedPerTenant: 2)) == "job_a")
        guard case .created = try await store.enqueueJob(id: "job_g", userID: "dee", tenant: "t", maxQueuedPerTenant: 2) else {
            Issue.record("a claimed job frees a queue place"); return
        }
        // Once finished, the user may queue again.
        #expect(try await store.finishJob("job_a", owner: "w1", outcome: .succeeded(hypothesesRevision: 3, hypothesisCount: 5)))
        let done = try #require(try await store.job("job_a", tenant: "t"))
        #expect(done.status == .succeeded)
        #expect(done.hypothesesRevision == 3)
        #expect(done.hypothesisCount == 5)
        #expect(done.finishedAt != nil)
        #expect(done.leaseOwner == nil)
    }

    /// The id of the job an enqueue found already there, nil when it did something else.
    static func existingID(_ result: JobEnqueueResult) -> String? {
        if case .existing(let job) = result { job.id } else { nil }
    }

    public static func leasesBelongToTheirHolder(_ store: some JobStore) async throws {
        _ = try await store.enqueueJob(id: "job_1", userID: "ann", tenant: "t", maxQueuedPerTenant: 10)
        _ = try await store.enqueueJob(id: "job_2", userID: "bo", tenant: "t", maxQueuedPerTenant: 10)
        let first = try #require(try await store.claimJob(owner: "w1", lease: .seconds(60), maxAttempts: 3))
        #expect(first.id == "job_1")  // oldest first
        #expect(first.status == .running)
        #expect(first.attempts == 1)
        #expect(first.leaseOwner == "w1")
        #expect(first.startedAt != nil)
        let second = try #require(try await store.claimJob(owner: "w2", lease: .seconds(60), maxAttempts: 3))
        #expect(second.id == "job_2")
        // Nothing left: a held lease is not taken.
        #expect(try await store.claimJob(owner: "w3", lease: .seconds(60), maxAttempts: 3) == nil)
        // Only the holder renews, finishes or releases.
        #expect(try await store.renewJobLease("job_1", owner: "w1", lease: .seconds(60)))
        #expect(try await !store.renewJobLease("job_1", owner: "w2", lease: .seconds(60)))
        #expect(try await !store.finishJob("job_1", owner: "w2", outcome: .failed("not mine")))
        #expect(try await !store.releaseJob("job_1", owner: "w2"))
        #expect(try await store.job("job_1", tenant: "t")?.status == .running)
        // Handed back, the job is queued again and the next claim takes it.
        #expect(try await store.releaseJob("job_1", owner: "w1"))
        let back = try #require(try await store.job("job_1", tenant: "t"))
        #expect(back.status == .queued)
        #expect(back.leaseOwner == nil)
        let again = try #require(try await store.claimJob(owner: "w3", lease: .seconds(60), maxAttempts: 3))
        #expect(again.id == "job_1")
        #expect(again.attempts == 2)
        #expect(try await store.finishJob("job_1", owner: "w3", outcome: .failed("the model said no")))
        let failed = try #require(try await store.job("job_1", tenant: "t"))
        #expect(failed.status == .failed)
        #expect(failed.error == "the model said no")
        // A finished job cannot be finished again.
        #expect(try await !store.finishJob("job_1", owner: "w3", outcome: .succeeded(hypothesesRevision: 1, hypothesisCount: 1)))
    }

    /// A job whose worker died (its lease ran out) is taken over; after `maxAttempts` it is failed instead.
    public static func takesOverJobsWhoseLeaseExpired(_ store: some JobStore) async throws {
        _ = try await store.enqueueJob(id: "job_x", userID: "ann", tenant: "t", maxQueuedPerTenant: 10)
        // A zero lease is expired at once: the worker "died" right after claiming.
        let dead = try #require(try await store.claimJob(owner: "dead", lease: .zero, maxAttempts: 2))
        #expect(dead.attempts == 1)
        let taken = try #require(try await store.claimJob(owner: "alive", lease: .zero, maxAttempts: 2))
        #expect(taken.id == "job_x")
        #expect(taken.attempts == 2)
        #expect(taken.leaseOwner == "alive")
        // The dead worker can no longer report anything.
        #expect(try await !store.finishJob("job_x", owner: "dead", outcome: .succeeded(hypothesesRevision: 1, hypothesisCount: 1)))
        #expect(try await !store.renewJobLease("job_x", owner: "dead", lease: .seconds(60)))
        // Two workers died on it: the next claim fails the job rather than running it a third time.
        #expect(try await store.claimJob(owner: "third", lease: .seconds(60), maxAttempts: 2) == nil)
        let abandoned = try #require(try await store.job("job_x", tenant: "t"))
        #expect(abandoned.status == .failed)
        #expect(abandoned.error == StoredJob.abandonedMessage(attempts: 2))
        #expect(abandoned.finishedAt != nil)
    }

    /// Workers racing for one queued job: exactly one gets it.
    public static func concurrentClaimsTakeAJobOnce(_ store: some JobStore) async throws {
        for index in 0..<5 {
            _ = try await store.enqueueJob(id: "job_\(index)", userID: "u\(index)", tenant: "t", maxQueuedPerTenant: 10)
        }
        let claimed = try await withThrowingTaskGroup(of: String?.self) { group in
            for worker in 0..<12 {
                group.addTask { try await store.claimJob(owner: "w\(worker)", lease: .seconds(60), maxAttempts: 3)?.id }
            }
            return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
        }
        #expect(claimed.sorted() == (0..<5).map { "job_\($0)" })
    }

    /// Concurrent enqueues for one tenant never pass its cap, and one user never gets two active jobs.
    public static func concurrentEnqueuesRespectTheCap(_ store: some JobStore) async throws {
        let results = try await withThrowingTaskGroup(of: JobEnqueueResult.self) { group in
            for index in 0..<16 {
                group.addTask {
                    try await store.enqueueJob(id: "job_\(index)", userID: "u\(index % 8)", tenant: "t", maxQueuedPerTenant: 5)
                }
            }
            return try await group.reduce(into: [JobEnqueueResult]()) { $0.append($1) }
        }
        let created = results.compactMap { if case .created(let job) = $0 { job } else { nil } }
        #expect(created.count == 5)
        #expect(Set(created.map(\.userID)).count == 5)
    }

    public static func prunesFinishedJobs(_ store: some JobStore) async throws {
        _ = try await store.enqueueJob(id: "job_old", userID: "ann", tenant: "t", maxQueuedPerTenant: 10)
        _ = try await store.enqueueJob(id: "job_open", userID: "bo", tenant: "t", maxQueuedPerTenant: 10)
        let claimed = try #require(try await store.claimJob(owner: "w", lease: .seconds(60), maxAttempts: 3))
        #expect(try await store.finishJob(claimed.id, owner: "w", outcome: .failed("x")))
        #expect(try await store.pruneJobs(finishedBefore: Date().addingTimeInterval(-3600)) == 0)
        #expect(try await store.pruneJobs(finishedBefore: Date().addingTimeInterval(3600)) == 1)
        #expect(try await store.job("job_old", tenant: "t") == nil)
        #expect(try await store.job("job_open", tenant: "t")?.status == .queued)
    }
}
