import GRDB
import HyPerAlign
import ProfileStorage

extension SQLiteProfileStore: PersonalizationReading {
    public func personalizationRevision(for userID: String, tenant: TenantID) async throws -> PersonalizationRevision? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                    SELECT h.revision, p.revision FROM hypothesis_sets h
                    JOIN profiles p ON p.tenant = h.tenant AND p.id = h.user_id
                    WHERE h.tenant = ? AND h.user_id = ?
                    """),  // prepared once per connection: every request runs it
                arguments: [tenant.rawValue, userID])
            else { return nil }
            return PersonalizationRevision(hypotheses: row[0], profile: row[1])
        }
    }

    public func personalizationInputs(for userID: String, tenant: TenantID) async throws -> PersonalizationInputs? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                    SELECT h.revision, h.payload, p.revision, p.attributes FROM hypothesis_sets h
                    JOIN profiles p ON p.tenant = h.tenant AND p.id = h.user_id
                    WHERE h.tenant = ? AND h.user_id = ?
                    """),  // prepared once per connection: every request runs it
                arguments: [tenant.rawValue, userID])
            else { return nil }
            var set = try StoredJSON.decode(HypothesisSet.self, from: row[1], what: "hypotheses of '\(userID)'")
            set.revision = row[0]
            let attributes = try StoredJSON.decode([String: String].self, from: row[3], what: "attributes of '\(userID)'")
            return PersonalizationInputs(
                set: set, attributes: attributes, revision: PersonalizationRevision(hypotheses: row[0], profile: row[2]))
        }
    }
}

extension SQLiteProfileStore: PersonalizationChangeCounting {
    public func personalizationChangeCount() async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT counter FROM personalization_changes WHERE id = 1")) ?? 0
        }
    }
}
