import Foundation

/// Where re-inference jobs live, shared by every replica on the same store.
///
/// A worker *claims* a job with a lease and renews it while the job runs; a job whose lease ran out (its
/// worker died) can be claimed again by any worker. Only the lease holder may finish or hand back a job.
/// Lease times are measured by the store's clock (the database server's on PostgreSQL), so replicas with
/// skewed clocks agree.
public protocol JobStore: Sendable {
    /// Queues a job for `userID` unless one of theirs is queued or running (that one is returned instead),
    /// and unless the tenant already has `maxQueuedPerTenant` queued jobs; both checks and the insert are
    /// one transaction.
    func enqueueJob(id: String, userID: String, tenant: TenantID, maxQueuedPerTenant: Int) async throws
        -> JobEnqueueResult
    /// A job of `tenant`; another tenant's job is reported as absent.
    func job(_ id: String, tenant: TenantID) async throws -> StoredJob?
    /// Takes the oldest queued job, or a running one whose lease expired, for `owner` for `lease`; nil when
    /// there is none. A job whose lease expired after `maxAttempts` tries is failed instead of taken.
    func claimJob(owner: String, lease: Duration, maxAttempts: Int) async throws -> StoredJob?
    /// Extends `owner`'s lease on a running job; false when `owner` no longer holds it.
    func renewJobLease(_ id: String, owner: String, lease: Duration) async throws -> Bool
    /// Records the outcome of a job `owner` holds; false (and nothing saved) when it no longer holds it.
    func finishJob(_ id: String, owner: String, outcome: JobOutcome) async throws -> Bool
    /// Hands a running job back to the queue (a graceful shutdown); false when `owner` does not hold it.
    func releaseJob(_ id: String, owner: String) async throws -> Bool
    /// Deletes jobs that finished before `date`; returns how many.
    func pruneJobs(finishedBefore date: Date) async throws -> Int
}

/// What ``JobStore/enqueueJob(id:userID:tenant:maxQueuedPerTenant:)`` did.
public enum JobEnqueueResult: Sendable, Hashable {
    /// A new job was queued.
    case created(StoredJob)
    /// The user already had a queued or running job; this is it.
    case existing(StoredJob)
    /// The tenant already has this many queued jobs; nothing was queued.
    case tenantQueueFull(queued: Int)
}

/// How a job ended.
public enum JobOutcome: Sendable, Hashable {
    case succeeded(hypothesesRevision: Int, hypothesisCount: Int)
    case failed(String)
}

extension Duration {
    /// The duration in seconds, fractions included.
    package var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
