import Logging
import PostgresNIO
import ProfileStorage

/// The PostgreSQL schema as numbered migrations. Each runs once, in a transaction, under an advisory lock,
/// so several replicas starting at the same moment bring the database up exactly once.
enum PostgresSchema {
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [PostgresQuery]
    }

    /// Any fixed number: the advisory lock every replica takes while migrating.
    static let lockKey = 7_274_733

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
    ]

    /// Applies every migration the database has not seen; returns the versions applied now.
    @discardableResult
    static func migrate(_ client: PostgresClient, logger: Logger) async throws -> [Int] {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
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
