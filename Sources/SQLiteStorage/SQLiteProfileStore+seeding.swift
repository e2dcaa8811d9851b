import Foundation
import GRDB
import ProfileStorage

extension SQLiteProfileStore {
    /// Bulk-inserts `count` generated profiles (`user-0` …) with one text each, in one transaction: the
    /// set-up of the profile-lookup benchmark, where a million single saves would take an hour.
    public func insertSyntheticProfiles(count: Int, tenant: TenantID) async throws {
        try await pool.write { db in
            let now = Date()
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
                    INSERT OR IGNORE INTO profiles (tenant, id, attributes, revision, updated_at)
                    SELECT ?, 'user-' || i, '{}', 1, ? FROM n
                    """,
                arguments: [count, tenant.rawValue, now])
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
                    INSERT OR IGNORE INTO texts (tenant, user_id, position, text_id, body, prompt, source)
                    SELECT ?, 'user-' || i, 0, 't0', 'A short text written by user ' || i || '.', NULL, NULL FROM n
                    """,
                arguments: [count, tenant.rawValue])
        }
    }
}
