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
            try Row.fetchOne(db, sql: "SELECT tenant, label, created_at FROM api_keys WHERE hash = ?", arguments: [hash])
                .map { APIKeyRecord(hash: hash, tenant: TenantID($0["tenant"] as String), label: $0["label"], createdAt: $0["created_at"]) }
        }
    }
}
