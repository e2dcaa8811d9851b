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
            for try await (tenant, label, createdAt) in try await client.query(
                "SELECT tenant, label, created_at FROM api_keys WHERE hash = \(hash)", logger: logger
            ).decode((String, String, Date).self) {
                return APIKeyRecord(hash: hash, tenant: TenantID(tenant), label: label, createdAt: createdAt)
            }
            return nil
        }
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
