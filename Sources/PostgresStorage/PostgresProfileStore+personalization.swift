import HyPerAlign
import PostgresNIO
import ProfileStorage

extension PostgresProfileStore: PersonalizationReading {
    public func personalizationRevision(for userID: String, tenant: TenantID) async throws -> PersonalizationRevision? {
        try await translatingErrors {
            for try await (hypotheses, profile) in try await client.query(
                """
                SELECT h.revision, p.revision FROM hypothesis_sets h
                JOIN profiles p ON p.tenant = h.tenant AND p.id = h.user_id
                WHERE h.tenant = \(tenant.rawValue) AND h.user_id = \(userID)
                """, logger: logger
            ).decode((Int, Int).self) {
                return PersonalizationRevision(hypotheses: hypotheses, profile: profile)
            }
            return nil
        }
    }

    public func personalizationInputs(for userID: String, tenant: TenantID) async throws -> PersonalizationInputs? {
        try await translatingErrors {
            for try await (hypotheses, payload, profile, attributes) in try await client.query(
                """
                SELECT h.revision, h.payload, p.revision, p.attributes FROM hypothesis_sets h
                JOIN profiles p ON p.tenant = h.tenant AND p.id = h.user_id
                WHERE h.tenant = \(tenant.rawValue) AND h.user_id = \(userID)
                """, logger: logger
            ).decode((Int, String, Int, String).self) {
                var set = try StoredJSON.decode(HypothesisSet.self, from: payload, what: "hypotheses of '\(userID)'")
                set.revision = hypotheses
                let decoded = try StoredJSON.decode([String: String].self, from: attributes, what: "attributes of '\(userID)'")
                return PersonalizationInputs(
                    set: set, attributes: decoded, revision: PersonalizationRevision(hypotheses: hypotheses, profile: profile))
            }
            return nil
        }
    }
}

extension PostgresProfileStore: PersonalizationChangeCounting {
    public func personalizationChangeCount() async throws -> Int {
        try await translatingErrors {
            for try await counter in try await client.query(
                "SELECT counter FROM personalization_changes WHERE id = 1", logger: logger
            ).decode(Int.self) {
                return counter
            }
            return 0
        }
    }
}
