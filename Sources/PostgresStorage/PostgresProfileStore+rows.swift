import Foundation
import HyPerAlign
import Logging
import PostgresNIO
import ProfileStorage

/// The row-level reads and writes every store operation is made of, all on one connection so they can
/// share its transaction.
extension PostgresProfileStore {
    /// Runs `body` in a transaction, translating database errors into ``StoreError``.
    func write<T: Sendable>(
        _ body: @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        return try await translatingErrors {
            try await client.withTransaction(logger: logger) { connection in try await body(connection, logger) }
        }
    }

    /// Locks the profile row for the rest of the transaction; false when there is no such profile.
    static func lock(_ id: String, tenant: TenantID, connection: PostgresConnection, logger: Logger) async throws -> Bool {
        var found = false
        for try await _ in try await connection.query(
            "SELECT id FROM profiles WHERE tenant = \(tenant.rawValue) AND id = \(id) FOR UPDATE", logger: logger
        ).decode(String.self) {
            found = true
        }
        return found
    }

    static func save(_ profile: UserProfile, tenant: TenantID, connection: PostgresConnection, logger: Logger)
        async throws -> UserProfile
    {
        let attributes = try StoredJSON.encode(profile.attributes)
        var stored = profile
        for try await (revision, updatedAt) in try await connection.query(
            """
            INSERT INTO profiles (tenant, id, attributes, revision, updated_at)
            VALUES (\(tenant.rawValue), \(profile.id), \(attributes), 1, now())
            ON CONFLICT (tenant, id) DO UPDATE SET
              attributes = excluded.attributes, revision = profiles.revision + 1, updated_at = excluded.updated_at
            RETURNING revision, updated_at
            """, logger: logger
        ).decode((Int, Date).self) {
            stored.revision = revision
            stored.updatedAt = updatedAt
        }
        try await connection.query(
            "DELETE FROM texts WHERE tenant = \(tenant.rawValue) AND user_id = \(profile.id)", logger: logger)
        for (position, text) in profile.texts.enumerated() {
            try await connection.query(
                """
                INSERT INTO texts (tenant, user_id, position, text_id, body, prompt, source)
                VALUES (\(tenant.rawValue), \(profile.id), \(position), \(text.id), \(text.text), \(text.prompt), \(text.source))
                """, logger: logger)
        }
        return stored
    }

    /// The profile and its texts from one statement, so one snapshot: a concurrent append is seen whole
    /// or not at all, and the revision matches the texts.
    static func load(_ id: String, tenant: TenantID, connection: PostgresConnection, logger: Logger) async throws
        -> UserProfile?
    {
        var header: (attributes: String, revision: Int, updatedAt: Date)?
        var texts: [UserText] = []
        for try await (attributes, revision, updatedAt, textID, body, prompt, source) in try await connection.query(
            """
            SELECT p.attributes, p.revision, p.updated_at, t.text_id, t.body, t.prompt, t.source
            FROM profiles p LEFT JOIN texts t ON t.tenant = p.tenant AND t.user_id = p.id
            WHERE p.tenant = \(tenant.rawValue) AND p.id = \(id) ORDER BY t.position
            """, logger: logger
        ).decode((String, Int, Date, String?, String?, String?, String?).self) {
            header = (attributes, revision, updatedAt)
            if let textID, let body { texts.append(UserText(id: textID, text: body, prompt: prompt, source: source)) }
        }
        guard let header else { return nil }
        return UserProfile(
            id: id, texts: texts,
            attributes: try StoredJSON.decode([String: String].self, from: header.attributes, what: "attributes of '\(id)'"),
            revision: header.revision, updatedAt: header.updatedAt)
    }

    static func loadSet(_ userID: String, tenant: TenantID, connection: PostgresConnection, logger: Logger) async throws
        -> HypothesisSet?
    {
        for try await (revision, payload) in try await connection.query(
            "SELECT revision, payload FROM hypothesis_sets WHERE tenant = \(tenant.rawValue) AND user_id = \(userID)",
            logger: logger
        ).decode((Int, String).self) {
            var set = try StoredJSON.decode(HypothesisSet.self, from: payload, what: "hypotheses of '\(userID)'")
            set.revision = revision
            return set
        }
        return nil
    }

    /// Store errors (and a refused append's ``TextLimitExceeded``) pass through; database and connection errors become ``StoreError`` `unavailable`
    /// with the server's message (postgres-nio hides it from `description` by default).
    func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as TextLimitExceeded {
            throw error
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError { return try await translatingErrors { throw inner } }
            throw StoreError(.unavailable, "PostgreSQL at \(configuration.redactedURL): transaction failed: \(String(reflecting: error))")
        } catch let error as PSQLError {
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            let state = error.serverInfo?[.sqlState]
            if state == "23505" { throw StoreError(.conflict, "PostgreSQL: \(message)") }
            throw StoreError(.unavailable, "PostgreSQL at \(configuration.redactedURL): \(message)")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw StoreError(.unavailable, "PostgreSQL at \(configuration.redactedURL): \(error)")
        }
    }
}
