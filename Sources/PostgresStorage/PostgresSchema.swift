import LanguageModels
import Logging
import PostgresNIO
import ProfileStorage

/// The PostgreSQL schema as numbered migrations. Each runs once, in a transaction, under an advisory lock,
/// so several replicas starting at the same moment bring the database up exactly once.
package enum PostgresSchema {
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [PostgresQuery]
    }

    /// Any fixed number: the advisory lock every replica takes while migrating.
    package static let lockKey = 7_274_733

    static let migrations: [Migration] = [
        Migration(version: 1, name: "profiles-texts-hypotheses", statements: [
            """
            CREATE TABLE profiles (
              tenant TEXT NOT NULL, id TEXT NOT NULL, attributes TEXT NOT NULL,
              revision INTEGER NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
              PRIMARY KEY (tenant, id))
            """,
            """
            CREATE TABLE texts (
              tenant TEXT NOT NULL, user_id TEXT NOT NULL, position INTEGER NOT NULL,
              text_id TEXT NOT NULL, body TEXT NOT NULL, prompt TEXT, source TEXT,
              PRIMARY KEY (tenant, user_id, position),
              FOREIGN KEY (tenant, user_id) REFERENCES profiles (tenant, id) ON DELETE CASCADE)
            """,
            """
            CREATE TABLE hypothesis_sets (
              tenant TEXT NOT NULL, user_id TEXT NOT NULL, revision INTEGER NOT NULL,
              payload TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
              PRIMARY KEY (tenant, user_id),
              FOREIGN KEY (tenant, user_id) REFERENCES profiles (tenant, id) ON DELETE CASCADE)
            """,
        ]),
        Migration(version: 2, name: "api-keys", statements: [
            """
            CREATE TABLE api_keys (
              hash TEXT PRIMARY KEY, tenant TEXT NOT NULL, label TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)
            """
        ]),
        Migration(version: 3, name: "api-key-revocation", statements: [
            "ALTER TABLE api_keys ADD COLUMN revoked_at TIMESTAMPTZ"
        ]),
        Migration(version: 4, name: "inference-jobs", statements: [
            """
            CREATE TABLE inference_jobs (
              id TEXT PRIMARY KEY, tenant TEXT NOT NULL, user_id TEXT NOT NULL, status TEXT NOT NULL,
              created_at TIMESTAMPTZ NOT NULL, started_at TIMESTAMPTZ, finished_at TIMESTAMPTZ,
              attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_expires_at TIMESTAMPTZ,
              hypotheses_revision INTEGER, hypothesis_count INTEGER, error TEXT)
            """,
            """
            CREATE UNIQUE INDEX inference_jobs_one_active_per_user ON inference_jobs (tenant, user_id)
              WHERE status IN ('queued', 'running')
            """,
            "CREATE INDEX inference_jobs_claimable ON inference_jobs (status, created_at)",
            "CREATE INDEX inference_jobs_finished ON inference_jobs (finished_at)",
        ]),
        Migration(version: 5, name: "rate-limits", statements: [
            """
            CREATE TABLE rate_limits (
              bucket TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, updated_at TIMESTAMPTZ NOT NULL)
            """
        ]),
        personLinks,  // version 6, in PostgresProfileStore+links.swift
        // One counter every committed change to profiles or hypothesis sets advances, whichever replica makes
        // it. The triggers are deferred to commit, so the counter's row lock is always a transaction's last
        // and cannot take part in a deadlock.
        Migration(version: 7, name: "personalization-changes", statements: [
            """
            CREATE TABLE personalization_changes (
              id INTEGER PRIMARY KEY CHECK (id = 1), counter BIGINT NOT NULL)
            """,
            "INSERT INTO personalization_changes (id, counter) VALUES (1, 0)",
            """
            CREATE FUNCTION hyperalign_count_personalization_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE personalization_changes SET counter = counter + 1 WHERE id = 1;
              RETURN NULL;
            END $$
            """,
            """
            CREATE CONSTRAINT TRIGGER profiles_count_personalization_change
            AFTER INSERT OR UPDATE OR DELETE ON profiles DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION hyperalign_count_personalization_change()
            """,
            """
            CREATE CONSTRAINT TRIGGER hypothesis_sets_count_personalization_change
            AFTER INSERT OR UPDATE OR DELETE ON hypothesis_sets DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION hyperalign_count_personalization_change()
            """,
        ]),
    ]

    /// Applies every migration the database has not seen; returns the versions applied now.
    ///
    /// The server gives up on any lock (the migration lock, a table another client holds) after `lockTimeout`:
    /// a client cannot cancel a query that is running, so without it a replica that finds the lock held by a
    /// stuck one would wait as long as that one does, past its own startup timeout.
    @discardableResult
    static func migrate(_ client: PostgresClient, lockTimeout: Duration, logger: Logger) async throws -> [Int] {
        try await client.withTransaction(logger: logger) { connection in
            let milliseconds = max(1, Int(lockTimeout.milliseconds.rounded(.down)))
            try await connection.query("SELECT set_config('lock_timeout', \("\(milliseconds)ms"), true)", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55P03" {
                throw StoreError(.unavailable, "another client has held the schema migration lock for over \(lockTimeout); is a migration stuck?")
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query(
                "SELECT version FROM schema_migrations", logger: logger
            ).decode(Int.self) {
                applied.insert(version)
            }
            var now: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                now.append(migration.version)
            }
            return now
        }
    }
}
