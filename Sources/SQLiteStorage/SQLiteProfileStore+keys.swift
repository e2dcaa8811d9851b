import Foundation
import GRDB
import ProfileStorage

extension SQLiteProfileStore: APIKeyStore {
    public func saveAPIKey(_ record: APIKeyRecord) async throws {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO api_keys (hash, tenant, label, created_at) VALUES (?, ?, ?, ?)",
                arguments: [record.hash, record.tenant.rawValue, record.label, record.createdAt])
        }
    }

    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT hash, tenant, label, created_at, revoked_at FROM api_keys WHERE hash = ?", arguments: [hash]
            ).map(Self.keyRecord)
        }
    }

    public func apiKeys(tenant: TenantID?) async throws -> [APIKeyRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT hash, tenant, label, created_at, revoked_at FROM api_keys
                    WHERE ?1 IS NULL OR tenant = ?1 ORDER BY created_at, hash
                    """,
                arguments: [tenant?.rawValue]
            ).map(Self.keyRecord)
        }
    }

    public func revokeAPIKey(id: String) async throws -> APIKeyRecord? {
        guard let prefix = APIKeyRecord.hashPrefix(ofID: id) else { return nil }
        return try await pool.write { db in
            try db.execute(
                sql: "UPDATE api_keys SET revoked_at = ? WHERE substr(hash, 1, 16) = ? AND revoked_at IS NULL",
                arguments: [Date(), prefix])
            return try Row.fetchOne(
                db, sql: "SELECT hash, tenant, label, created_at, revoked_at FROM api_keys WHERE substr(hash, 1, 16) = ?",
                arguments: [prefix]
            ).map(Self.keyRecord)
        }
    }

    static func keyRecord(_ row: Row) -> APIKeyRecord {
        APIKeyRecord(
            hash: row["hash"], tenant: TenantID(row["tenant"] as String), label: row["label"], createdAt: row["created_at"],
            revokedAt: row["revoked_at"])
    }
}
