import Foundation
import HyPerAlign
import Logging
import PostgresNIO
import ProfileStorage
import ServiceLifecycle

/// The store on PostgreSQL, for several service replicas sharing one database.
///
/// Every write is one transaction that first locks the user's profile row (`SELECT … FOR UPDATE`), so
/// two replicas writing the same user are serialized by the database and a stale hypothesis save fails
/// with ``StoreError`` `conflict` instead of overwriting. A crash mid-write rolls the transaction back.
/// Reads of a profile are one statement, so one snapshot. Jobs, their leases and rate-limit budgets
/// live here too, which is what lets replicas share them.
///
/// ```swift
/// try await PostgresProfileStore.withStore(configuration) { store in
///     _ = try await store.saveProfile(profile, tenant: "acme")
/// }
/// ```
public final class PostgresProfileStore: ProfileStore, APIKeyStore, JobStore, RateLimitStore, Service {
    let client: PostgresClient
    let logger: Logger
    public let configuration: PostgresStoreConfiguration

    /// A store over a client that someone must ``run()`` (a `ServiceGroup`, or ``withStore(_:logger:_:)``).
    public init(configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "hyperalign.postgres")) {
        self.configuration = configuration
        self.logger = logger
        self.client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
    }

    /// Runs the connection pool until cancelled or shut down gracefully.
    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.client.run() }
    }

    /// Brings the schema to the newest version (idempotent, safe with concurrent replicas); waits for no lock
    /// longer than ``PostgresStoreConfiguration/startupTimeout``.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await translatingErrors {
            try await PostgresSchema.migrate(client, lockTimeout: configuration.startupTimeout, logger: logger)
        }
    }

    /// Migrates, failing with ``StoreError`` `unavailable` when the server does not answer within
    /// ``PostgresStoreConfiguration/startupTimeout`` (the pool itself would keep retrying forever).
    public func migrateWithinStartupTimeout() async throws {
        let timeout = configuration.startupTimeout
        let address = configuration.redactedURL
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.migrate()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            defer { group.cancelAll() }
            guard try await group.next() == true else {
                throw StoreError(.unavailable, "PostgreSQL at \(address) did not answer within \(timeout)")
            }
        }
    }

    /// Opens a store, runs its pool, migrates, and hands it to `body`; the pool is shut down afterwards.
    public static func withStore<T: Sendable>(
        _ configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "hyperalign.postgres"),
        _ body: @Sendable (PostgresProfileStore) async throws -> T
    ) async throws -> T {
        let store = PostgresProfileStore(configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            try await store.migrateWithinStartupTimeout()
            return try await body(store)
        }
    }

    public func saveProfile(_ profile: UserProfile, tenant: TenantID) async throws -> UserProfile {
        try await write { connection, logger in
            try await Self.save(profile, tenant: tenant, connection: connection, logger: logger)
        }
    }

    public func profile(_ id: String, tenant: TenantID) async throws -> UserProfile? {
        try await translatingErrors {
            try await client.withConnection { connection in
                try await Self.load(id, tenant: tenant, connection: connection, logger: self.logger)
            }
        }
    }

    public func profileSummaries(tenant: TenantID) async throws -> [ProfileSummary] {
        try await translatingErrors {
            try await client.withConnection { connection in
                let rows = try await connection.query(
                    """
                    SELECT p.id, p.updated_at, (SELECT count(*) FROM texts t WHERE t.tenant = p.tenant AND t.user_id = p.id),
                      h.payload, h.revision
                    FROM profiles p LEFT JOIN hypothesis_sets h ON h.tenant = p.tenant AND h.user_id = p.id
                    WHERE p.tenant = \(tenant.rawValue) ORDER BY p.id
                    """, logger: self.logger)
                var summaries: [ProfileSummary] = []
                for try await (id, updatedAt, count, payload, _) in rows.decode((String, Date, Int, String?, Int?).self) {
                    var stale = false
                    if let payload {
                        let set = try StoredJSON.decode(HypothesisSet.self, from: payload, what: "hypotheses of '\(id)'")
                        let profile = try await Self.load(id, tenant: tenant, connection: connection, logger: self.logger)
                        stale = profile.map { set.isStale(for: $0) } ?? false
                    }
                    summaries.append(ProfileSummary(
                        id: id, textCount: count, hasHypotheses: payload != nil, hypothesesStale: stale, updatedAt: updatedAt))
                }
                return summaries
            }
        }
    }

    public func deleteProfile(_ id: String, tenant: TenantID) async throws -> Bool {
        try await write { connection, logger in
            let rows = try await connection.query(
                "DELETE FROM profiles WHERE tenant = \(tenant.rawValue) AND id = \(id) RETURNING id", logger: logger)
            var deleted = false
            for try await _ in rows.decode(String.self) { deleted = true }
            return deleted
        }
    }

    public func appendTexts(_ texts: [UserText], to id: String, tenant: TenantID, maxTexts: Int?) async throws
        -> UserProfile
    {
        // The profile row stays locked from the count to the commit: concurrent appends (on any replica)
        // take turns, so they can neither pass the limit together nor hand out the same id.
        try await write { connection, logger in
            guard try await Self.lock(id, tenant: tenant, connection: connection, logger: logger) else {
                throw StoreError.notFound(user: id)
            }
            var existing: [String] = []
            var next = 0
            for try await (textID, position) in try await connection.query(
                "SELECT text_id, position FROM texts WHERE tenant = \(tenant.rawValue) AND user_id = \(id) ORDER BY position",
                logger: logger
            ).decode((String, Int).self) {
                existing.append(textID)
                next = position + 1
            }
            let prepared = try TextAppend.prepare(texts, user: id, existingIDs: existing, maxTexts: maxTexts)
            for (offset, text) in prepared.enumerated() {
                try await connection.query(
                    """
                    INSERT INTO texts (tenant, user_id, position, text_id, body, prompt, source)
                    VALUES (\(tenant.rawValue), \(id), \(next + offset), \(text.id), \(text.text), \(text.prompt), \(text.source))
                    """, logger: logger)
            }
            try await connection.query(
                "UPDATE profiles SET revision = revision + 1, updated_at = now() WHERE tenant = \(tenant.rawValue) AND id = \(id)",
                logger: logger)
            guard let profile = try await Self.load(id, tenant: tenant, connection: connection, logger: logger) else {
                throw StoreError.notFound(user: id)
            }
            return profile
        }
    }

    public func hypothesisSet(for userID: String, tenant: TenantID) async throws -> HypothesisSet? {
        try await translatingErrors {
            try await client.withConnection { connection in
                try await Self.loadSet(userID, tenant: tenant, connection: connection, logger: self.logger)
            }
        }
    }

    public func saveHypothesisSet(_ set: HypothesisSet, tenant: TenantID, expectedRevision: Int?) async throws
        -> HypothesisSet
    {
        try await write { connection, logger in
            guard try await Self.lock(set.userID, tenant: tenant, connection: connection, logger: logger) else {
                throw StoreError.notFound(user: set.userID)
            }
            var current = 0
            for try await revision in try await connection.query(
                "SELECT revision FROM hypothesis_sets WHERE tenant = \(tenant.rawValue) AND user_id = \(set.userID)",
                logger: logger
            ).decode(Int.self) {
                current = revision
            }
            if let expectedRevision, expectedRevision != current {
                throw StoreError.conflict(user: set.userID, expected: expectedRevision, actual: current)
            }
            var stored = set
            stored.revision = current + 1
            let payload = try StoredJSON.encode(stored)
            try await connection.query(
                """
                INSERT INTO hypothesis_sets (tenant, user_id, revision, payload, updated_at)
                VALUES (\(tenant.rawValue), \(set.userID), \(stored.revision), \(payload), now())
                ON CONFLICT (tenant, user_id) DO UPDATE SET
                  revision = excluded.revision, payload = excluded.payload, updated_at = excluded.updated_at
                """, logger: logger)
            return stored
        }
    }

    public func deleteHypothesisSet(for userID: String, tenant: TenantID) async throws -> Bool {
        try await write { connection, logger in
            let rows = try await connection.query(
                "DELETE FROM hypothesis_sets WHERE tenant = \(tenant.rawValue) AND user_id = \(userID) RETURNING user_id",
                logger: logger)
            var deleted = false
            for try await _ in rows.decode(String.self) { deleted = true }
            return deleted
        }
    }
}
