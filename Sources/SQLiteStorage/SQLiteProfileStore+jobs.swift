import Foundation
import GRDB
import ProfileStorage

/// Re-inference jobs in the SQLite file, so queued and running jobs outlive a restart. Each operation is
/// one write transaction; SQLite's single writer makes the checks and the change atomic.
extension SQLiteProfileStore: JobStore {
    public func enqueueJob(id: String, userID: String, tenant: TenantID, maxQueuedPerTenant: Int) async throws
        -> JobEnqueueResult
    {
        try await pool.write { db in
            if let active = try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM inference_jobs WHERE tenant = ? AND user_id = ? AND status IN ('queued', 'running')
                    ORDER BY created_at LIMIT 1
                    """,
                arguments: [tenant.rawValue, userID])
            {
                return .existing(try Self.job(active))
            }
            let queued = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM inference_jobs WHERE tenant = ? AND status = 'queued'",
                arguments: [tenant.rawValue]) ?? 0
            guard queued < maxQueuedPerTenant else { return .tenantQueueFull(queued: queued) }
            let job = StoredJob(id: id, tenant: tenant, userID: userID)
            try db.execute(
                sql: "INSERT INTO inference_jobs (id, tenant, user_id, status, created_at) VALUES (?, ?, ?, 'queued', ?)",
                arguments: [job.id, tenant.rawValue, userID, job.createdAt])
            return .created(job)
        }
    }

    public func job(_ id: String, tenant: TenantID) async throws -> StoredJob? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM inference_jobs WHERE id = ? AND tenant = ?", arguments: [id, tenant.rawValue]
            ).map(Self.job)
        }
    }

    public func claimJob(owner: String, lease: Duration, maxAttempts: Int) async throws -> StoredJob? {
        try await pool.write { db in
            let now = Date()
            try db.execute(
                sql: """
                    UPDATE inference_jobs SET status = 'failed', finished_at = ?, lease_owner = NULL, lease_expires_at = NULL,
                      error = 'the job''s worker stopped ' || attempts || ' times without finishing it; giving up'
                    WHERE status = 'running' AND lease_expires_at <= ? AND attempts >= ?
                    """,
                arguments: [now, now, maxAttempts])
            guard let id = try String.fetchOne(
                db,
                sql: """
                    SELECT id FROM inference_jobs
                    WHERE status = 'queued' OR (status = 'running' AND lease_expires_at <= ?)
                    ORDER BY created_at, id LIMIT 1
                    """,
                arguments: [now])
            else { return nil }
            try db.execute(
                sql: """
                    UPDATE inference_jobs SET status = 'running', attempts = attempts + 1,
                      started_at = COALESCE(started_at, ?), lease_owner = ?, lease_expires_at = ?
                    WHERE id = ?
                    """,
                arguments: [now, owner, now.addingTimeInterval(lease.secondsValue), id])
            return try Row.fetchOne(db, sql: "SELECT * FROM inference_jobs WHERE id = ?", arguments: [id]).map(Self.job)
        }
    }

    public func renewJobLease(_ id: String, owner: String, lease: Duration) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE inference_jobs SET lease_expires_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
                arguments: [Date().addingTimeInterval(lease.secondsValue), id, owner])
            return db.changesCount > 0
        }
    }

    public func finishJob(_ id: String, owner: String, outcome: JobOutcome) async throws -> Bool {
        let (status, revision, count, message): (String, Int?, Int?, String?) = switch outcome {
        case .succeeded(let revision, let count): ("succeeded", revision, count, nil)
        case .failed(let message): ("failed", nil, nil, message)
        }
        return try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE inference_jobs SET status = ?, hypotheses_revision = ?, hypothesis_count = ?, error = ?,
                      finished_at = ?, lease_owner = NULL, lease_expires_at = NULL
                    WHERE id = ? AND status = 'running' AND lease_owner = ?
                    """,
                arguments: [status, revision, count, message, Date(), id, owner])
            return db.changesCount > 0
        }
    }

    public func releaseJob(_ id: String, owner: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE inference_jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL
                    WHERE id = ? AND status = 'running' AND lease_owner = ?
                    """,
                arguments: [id, owner])
            return db.changesCount > 0
        }
    }

    public func pruneJobs(finishedBefore date: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM inference_jobs WHERE finished_at < ?", arguments: [date])
            return db.changesCount
        }
    }

    static func job(_ row: Row) throws -> StoredJob {
        let status: String = row["status"]
        guard let parsed = StoredJob.Status(rawValue: status) else {
            throw StoreError(.corrupt, "job '\(row["id"] as String)' has an unknown status '\(status)'")
        }
        return StoredJob(
            id: row["id"], tenant: TenantID(row["tenant"] as String), userID: row["user_id"], status: parsed,
            createdAt: row["created_at"], startedAt: row["started_at"], finishedAt: row["finished_at"],
            attempts: row["attempts"], leaseOwner: row["lease_owner"], leaseExpiresAt: row["lease_expires_at"],
            hypothesesRevision: row["hypotheses_revision"], hypothesisCount: row["hypothesis_count"], error: row["error"])
    }
}
