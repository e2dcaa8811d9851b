import Foundation
import Logging
import PostgresNIO
import ProfileStorage

/// Re-inference jobs in PostgreSQL, visible to every replica. Leases are timed by the server's clock;
/// claims use `FOR UPDATE SKIP LOCKED`, so two replicas never take the same job.
extension PostgresProfileStore {
    /// Any fixed number: with the tenant's hash, the advisory lock that serializes a tenant's enqueues.
    static let enqueueLockKey: Int32 = 7_274_734

    public func enqueueJob(id: String, userID: String, tenant: TenantID, maxQueuedPerTenant: Int) async throws
        -> JobEnqueueResult
    {
        try await write { connection, logger in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(Self.enqueueLockKey), hashtext(\(tenant.rawValue)))", logger: logger)
            if let active = try await Self.jobs(try await connection.query(
                """
                SELECT * FROM inference_jobs
                WHERE tenant = \(tenant.rawValue) AND user_id = \(userID) AND status IN ('queued', 'running')
                ORDER BY created_at LIMIT 1
                """, logger: logger)).first
            {
                return .existing(active)
            }
            var queued = 0
            for try await count in try await connection.query(
                "SELECT count(*) FROM inference_jobs WHERE tenant = \(tenant.rawValue) AND status = 'queued'", logger: logger
            ).decode(Int.self) {
                queued = count
            }
            guard queued < maxQueuedPerTenant else { return .tenantQueueFull(queued: queued) }
            let created = try await Self.jobs(try await connection.query(
                """
                INSERT INTO inference_jobs (id, tenant, user_id, status, created_at)
                VALUES (\(id), \(tenant.rawValue), \(userID), 'queued', now()) RETURNING *
                """, logger: logger))
            guard let job = created.first else { throw StoreError(.unavailable, "PostgreSQL did not return the queued job") }
            return .created(job)
        }
    }

    public func job(_ id: String, tenant: TenantID) async throws -> StoredJob? {
        try await translatingErrors {
            try await Self.jobs(try await client.query(
                "SELECT * FROM inference_jobs WHERE id = \(id) AND tenant = \(tenant.rawValue)", logger: logger)).first
        }
    }

    public func claimJob(owner: String, lease: Duration, maxAttempts: Int) async throws -> StoredJob? {
        let seconds = lease.secondsValue
        return try await write { connection, logger in
            try await connection.query(
                """
                UPDATE inference_jobs SET status = 'failed', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL,
                  error = 'the job''s worker stopped ' || attempts || ' times without finishing it; giving up'
                WHERE status = 'running' AND lease_expires_at <= now() AND attempts >= \(maxAttempts)
                """, logger: logger)
            return try await Self.jobs(try await connection.query(
                """
                WITH next AS (
                  SELECT id FROM inference_jobs
                  WHERE status = 'queued' OR (status = 'running' AND lease_expires_at <= now())
                  ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE inference_jobs j SET status = 'running', attempts = j.attempts + 1,
                  started_at = COALESCE(j.started_at, now()), lease_owner = \(owner),
                  lease_expires_at = now() + make_interval(secs => \(seconds))
                FROM next WHERE j.id = next.id RETURNING j.*
                """, logger: logger)).first
        }
    }

    public func renewJobLease(_ id: String, owner: String, lease: Duration) async throws -> Bool {
        let seconds = lease.secondsValue
        return try await changedRows(
            """
            UPDATE inference_jobs SET lease_expires_at = now() + make_interval(secs => \(seconds))
            WHERE id = \(id) AND status = 'running' AND lease_owner = \(owner) RETURNING id
            """)
    }

    public func finishJob(_ id: String, owner: String, outcome: JobOutcome) async throws -> Bool {
        let (status, revision, count, message): (String, Int?, Int?, String?) = switch outcome {
        case .succeeded(let revision, let count): ("succeeded", revision, count, nil)
        case .failed(let message): ("failed", nil, nil, message)
        }
        return try await changedRows(
            """
            UPDATE inference_jobs SET status = \(status), hypotheses_revision = \(revision), hypothesis_count = \(count),
              error = \(message), finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
            WHERE id = \(id) AND status = 'running' AND lease_owner = \(owner) RETURNING id
            """)
    }

    public func releaseJob(_ id: String, owner: String) async throws -> Bool {
        try await changedRows(
            """
            UPDATE inference_jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL
            WHERE id = \(id) AND status = 'running' AND lease_owner = \(owner) RETURNING id
            """)
    }

    public func pruneJobs(finishedBefore date: Date) async throws -> Int {
        try await translatingErrors {
            var count = 0
            for try await _ in try await client.query(
                "DELETE FROM inference_jobs WHERE finished_at < \(date) RETURNING id", logger: logger
            ).decode(String.self) {
                count += 1
            }
            return count
        }
    }

    /// Runs a one-statement change that returns a row per changed row; true when it changed any.
    func changedRows(_ query: PostgresQuery) async throws -> Bool {
        try await translatingErrors {
            var changed = false
            for try await _ in try await client.query(query, logger: logger).decode(String.self) { changed = true }
            return changed
        }
    }

    static func jobs(_ rows: PostgresRowSequence) async throws -> [StoredJob] {
        var jobs: [StoredJob] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            let id = try cells["id"].decode(String.self)
            let status = try cells["status"].decode(String.self)
            guard let parsed = StoredJob.Status(rawValue: status) else {
                throw StoreError(.corrupt, "job '\(id)' has an unknown status '\(status)'")
            }
            jobs.append(StoredJob(
                id: id, tenant: TenantID(try cells["tenant"].decode(String.self)),
                userID: try cells["user_id"].decode(String.self), status: parsed,
                createdAt: try cells["created_at"].decode(Date.self), startedAt: try cells["started_at"].decode(Date?.self),
                finishedAt: try cells["finished_at"].decode(Date?.self), attempts: try cells["attempts"].decode(Int.self),
                leaseOwner: try cells["lease_owner"].decode(String?.self),
                leaseExpiresAt: try cells["lease_expires_at"].decode(Date?.self),
                hypothesesRevision: try cells["hypotheses_revision"].decode(Int?.self),
                hypothesisCount: try cells["hypothesis_count"].decode(Int?.self),
                error: try cells["error"].decode(String?.self)))
        }
        return jobs
    }
}
