import Foundation
import HyPerAlign

/// A store that lives in memory: for tests, previews and single-run tools.
public actor InMemoryProfileStore: ProfileStore, APIKeyStore, JobStore {
    private var profiles: [TenantID: [String: UserProfile]] = [:]
    private var sets: [TenantID: [String: HypothesisSet]] = [:]
    private var keys: [String: APIKeyRecord] = [:]
    private var jobs: [String: StoredJob] = [:]
    /// Person links and their secret (``PersonPageStore``), in `InMemoryPersonLinks.swift`.
    let personLinkTable = InMemoryPersonLinks()

    public init() {}

    public func saveProfile(_ profile: UserProfile, tenant: TenantID) throws -> UserProfile {
        var stored = profile
        stored.revision = (profiles[tenant]?[profile.id]?.revision ?? 0) + 1
        stored.updatedAt = Date()
        profiles[tenant, default: [:]][profile.id] = stored
        return stored
    }

    public func profile(_ id: String, tenant: TenantID) -> UserProfile? { profiles[tenant]?[id] }

    public func profileSummaries(tenant: TenantID) -> [ProfileSummary] {
        (profiles[tenant] ?? [:]).values.sorted { $0.id < $1.id }.map { profile in
            let set = sets[tenant]?[profile.id]
            return ProfileSummary(
                id: profile.id, textCount: profile.texts.count, hasHypotheses: set != nil,
                hypothesesStale: set?.isStale(for: profile) ?? false, updatedAt: profile.updatedAt)
        }
    }

    public func deleteProfile(_ id: String, tenant: TenantID) -> Bool {
        sets[tenant]?[id] = nil
        return profiles[tenant]?.removeValue(forKey: id) != nil
    }

    public func appendTexts(_ texts: [UserText], to id: String, tenant: TenantID, maxTexts: Int?) throws -> UserProfile {
        guard var profile = profiles[tenant]?[id] else { throw StoreError.notFound(user: id) }
        profile.texts += try TextAppend.prepare(texts, user: id, existingIDs: profile.texts.map(\.id), maxTexts: maxTexts)
        return try saveProfile(profile, tenant: tenant)
    }

    public func hypothesisSet(for userID: String, tenant: TenantID) -> HypothesisSet? { sets[tenant]?[userID] }

    public func saveHypothesisSet(_ set: HypothesisSet, tenant: TenantID, expectedRevision: Int?) throws
        -> HypothesisSet
    {
        guard profiles[tenant]?[set.userID] != nil else { throw StoreError.notFound(user: set.userID) }
        let current = sets[tenant]?[set.userID]?.revision ?? 0
        if let expectedRevision, expectedRevision != current {
            throw StoreError.conflict(user: set.userID, expected: expectedRevision, actual: current)
        }
        var stored = set
        stored.revision = current + 1
        sets[tenant, default: [:]][set.userID] = stored
        return stored
    }

    public func deleteHypothesisSet(for userID: String, tenant: TenantID) -> Bool {
        sets[tenant]?.removeValue(forKey: userID) != nil
    }

    public func saveAPIKey(_ record: APIKeyRecord) throws {
        guard keys[record.hash] == nil else { throw StoreError(.conflict, "an API key with this hash exists") }
        keys[record.hash] = record
    }

    public func apiKey(hash: String) -> APIKeyRecord? { keys[hash] }

    public func apiKeys(tenant: TenantID?) -> [APIKeyRecord] {
        keys.values.filter { tenant == nil || $0.tenant == tenant }.sorted { ($0.createdAt, $0.hash) < ($1.createdAt, $1.hash) }
    }

    public func revokeAPIKey(id: String) -> APIKeyRecord? {
        guard let prefix = APIKeyRecord.hashPrefix(ofID: id),
            var record = keys.values.first(where: { $0.hash.hasPrefix(prefix) })
        else { return nil }
        if record.revokedAt == nil {
            record.revokedAt = Date()
            keys[record.hash] = record
        }
        return record
    }

    public func enqueueJob(id: String, userID: String, tenant: TenantID, maxQueuedPerTenant: Int) -> JobEnqueueResult {
        let tenantJobs = jobs.values.filter { $0.tenant == tenant }
        if let active = tenantJobs.filter({ $0.userID == userID && $0.status.isActive }).min(by: { $0.createdAt < $1.createdAt }) {
            return .existing(active)
        }
        let queued = tenantJobs.count { $0.status == .queued }
        guard queued < maxQueuedPerTenant else { return .tenantQueueFull(queued: queued) }
        let job = StoredJob(id: id, tenant: tenant, userID: userID)
        jobs[id] = job
        return .created(job)
    }

    public func job(_ id: String, tenant: TenantID) -> StoredJob? {
        jobs[id].flatMap { $0.tenant == tenant ? $0 : nil }
    }

    public func claimJob(owner: String, lease: Duration, maxAttempts: Int) -> StoredJob? {
        let now = Date()
        let candidates = jobs.values
            .filter { $0.status == .queued || ($0.status == .running && ($0.leaseExpiresAt ?? .distantPast) <= now) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        for var job in candidates {
            if job.status == .running && job.attempts >= maxAttempts {
                job.status = .failed
                job.error = StoredJob.abandonedMessage(attempts: job.attempts)
                job.finishedAt = now
                job.leaseOwner = nil
                job.leaseExpiresAt = nil
                jobs[job.id] = job
                continue
            }
            job.status = .running
            job.attempts += 1
            job.startedAt = job.startedAt ?? now
            job.leaseOwner = owner
            job.leaseExpiresAt = now.addingTimeInterval(lease.secondsValue)
            jobs[job.id] = job
            return job
        }
        return nil
    }

    public func renewJobLease(_ id: String, owner: String, lease: Duration) -> Bool {
        guard var job = jobs[id], job.status == .running, job.leaseOwner == owner else { return false }
        job.leaseExpiresAt = Date().addingTimeInterval(lease.secondsValue)
        jobs[id] = job
        return true
    }

    public func finishJob(_ id: String, owner: String, outcome: JobOutcome) -> Bool {
        guard var job = jobs[id], job.status == .running, job.leaseOwner == owner else { return false }
        switch outcome {
        case .succeeded(let revision, let count):
            job.status = .succeeded
            job.hypothesesRevision = revision
            job.hypothesisCount = count
        case .failed(let message):
            job.status = .failed
            job.error = message
        }
        job.finishedAt = Date()
        job.leaseOwner = nil
        job.leaseExpiresAt = nil
        jobs[id] = job
        return true
    }

    public func releaseJob(_ id: String, owner: String) -> Bool {
        guard var job = jobs[id], job.status == .running, job.leaseOwner == owner else { return false }
        job.status = .queued
        job.leaseOwner = nil
        job.leaseExpiresAt = nil
        jobs[id] = job
        return true
    }

    /// Deletes every job of a user (their data is being erased, see ``erasePerson(_:tenant:)``).
    func deleteJobs(userID: String, tenant: TenantID) {
        jobs = jobs.filter { $0.value.userID != userID || $0.value.tenant != tenant }
    }

    public func pruneJobs(finishedBefore date: Date) -> Int {
        let old = jobs.values.filter { ($0.finishedAt ?? .distantFuture) < date }.map(\.id)
        for id in old { jobs[id] = nil }
        return old.count
    }
}
