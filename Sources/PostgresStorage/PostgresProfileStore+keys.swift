import Foundation
import PostgresNIO
import ProfileStorage

extension PostgresProfileStore {
    public func saveAPIKey(_ record: APIKeyRecord) async throws {
        try await write { connection, logger in
            try await connection.query(
                """
                INSERT INTO api_keys (hash, tenant, label, created_at)
                VALUES (\(record.hash), \(record.tenant.rawValue), \(record.label), \(record.createdAt))
                """, logger: logger)
        }
    }

    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await translatingErrors {
            try await Self.keyRecords(try await client.query(
                "SELECT hash, tenant, label, created_at, revoked_at FROM api_keys WHERE hash = \(hash)", logger: logger)).first
        }
    }

    public func apiKeys(tenant: TenantID?) async throws -> [APIKeyRecord] {
        try await translatingErrors {
            if let tenant {
                return try await Self.keyRecords(try await client.query(
                    """
                    SELECT hash, tenant, label, created_at, revoked_at FROM api_keys WHERE tenant = \(tenant.rawValue)
                    ORDER BY created_at, hash
                    """, logger: logger))
            }
            return try await Self.keyRecords(try await client.query(
                "SELECT hash, tenant, label, created_at, revoked_at FROM api_keys ORDER BY created_at, hash", logger: logger))
        }
    }

    public func revokeAPIKey(id: String) async throws -> APIKeyRecord? {
        guard let prefix = APIKeyRecord.hashPrefix(ofID: id) else { return nil }
        return try await write { connection, logger in
            try await connection.query(
                "UPDATE api_keys SET revoked_at = now() WHERE substr(hash, 1, 16) = \(prefix) AND revoked_at IS NULL",
                logger: logger)
            return try await Self.keyRecords(try await connection.query(
                "SELECT hash, tenant, label, created_at, revoked_at FROM api_keys WHERE substr(hash, 1, 16) = \(prefix)",
                logger: logger)).first
        }
    }

    static func keyRecords(_ rows: PostgresRowSequence) async throws -> [APIKeyRecord] {
        var records: [APIKeyRecord] = []
        for try await (hash, tenant, label, createdAt, revokedAt) in rows.decode((String, String, String, Date, Date?).self) {
            records.append(APIKeyRecord(hash: hash, tenant: TenantID(tenant), label: label, createdAt: createdAt, revokedAt: revokedAt))
        }
        return records
    }

    /// Bulk-inserts `count` generated profiles (`user-0` …) with one text each: the set-up of the
    /// profile-lookup benchmark.
    public func insertSyntheticProfiles(count: Int, tenant: TenantID) async throws {
        try await write { connection, logger in
            try await connection.query(
                """
                INSERT INTO profiles (tenant, id, attributes, revision, updated_at)
                SELECT \(tenant.rawValue), 'user-' || i, '{}', 1, now() FROM generate_series(0, \(count - 1)) AS i
                ON CONFLICT DO NOTHING
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO texts (tenant, user_id, position, text_id, body)
                SELECT \(tenant.rawValue), 'user-' || i, 0, 't0', 'A short text written by user ' || i || '.'
                FROM generate_series(0, \(count - 1)) AS i
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }
}
