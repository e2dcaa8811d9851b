import Foundation
import GRDB
import ProfileStorage

extension SQLiteProfileStore: PersonPageStore {
    public func savePersonLink(_ link: PersonLink) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO person_links (id, tenant, user_id, created_at, expires_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [link.id, link.tenant.rawValue, link.userID, link.createdAt, link.expiresAt, link.revokedAt])
        }
    }

    public func personLink(id: String) async throws -> PersonLink? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM person_links WHERE id = ?", arguments: [id]).map(Self.personLink)
        }
    }

    public func personLinks(userID: String, tenant: TenantID) async throws -> [PersonLink] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM person_links WHERE tenant = ? AND user_id = ? ORDER BY created_at, id",
                arguments: [tenant.rawValue, userID]
            ).map(Self.personLink)
        }
    }

    public func revokePersonLink(id: String, userID: String, tenant: TenantID) async throws -> PersonLink? {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE person_links SET revoked_at = ? WHERE id = ? AND tenant = ? AND user_id = ? AND revoked_at IS NULL",
                arguments: [Date(), id, tenant.rawValue, userID])
            return try Row.fetchOne(
                db, sql: "SELECT * FROM person_links WHERE id = ? AND tenant = ? AND user_id = ?",
                arguments: [id, tenant.rawValue, userID]
            ).map(Self.personLink)
        }
    }

    public func erasePerson(_ userID: String, tenant: TenantID) async throws -> Bool {
        try await pool.write { db in
            let arguments: StatementArguments = [tenant.rawValue, userID]
            try db.execute(sql: "DELETE FROM inference_jobs WHERE tenant = ? AND user_id = ?", arguments: arguments)
            try db.execute(sql: "DELETE FROM person_links WHERE tenant = ? AND user_id = ?", arguments: arguments)
            // Texts and the hypothesis set go with the profile (ON DELETE CASCADE).
            try db.execute(sql: "DELETE FROM profiles WHERE tenant = ? AND id = ?", arguments: arguments)
            return db.changesCount > 0
        }
    }

    public func personLinkSecret(orStore candidate: Data) async throws -> Data {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO service_secrets (name, value, created_at) VALUES ('person-links', ?, ?) ON CONFLICT (name) DO NOTHING",
                arguments: [candidate, Date()])
            guard let stored = try Data.fetchOne(db, sql: "SELECT value FROM service_secrets WHERE name = 'person-links'") else {
                throw StoreError(.corrupt, "the person-link secret could not be stored")
            }
            return stored
        }
    }

    static func personLink(_ row: Row) -> PersonLink {
        PersonLink(
            id: row["id"], tenant: TenantID(row["tenant"] as String), userID: row["user_id"], createdAt: row["created_at"],
            expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }
}

extension SQLiteSchema {
    /// Person links (deleted with their profile) and the secret they are signed with.
    static func createPersonLinks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE person_links (
              id TEXT PRIMARY KEY NOT NULL, tenant TEXT NOT NULL, user_id TEXT NOT NULL,
              created_at DATETIME NOT NULL, expires_at DATETIME NOT NULL, revoked_at DATETIME,
              FOREIGN KEY (tenant, user_id) REFERENCES profiles (tenant, id) ON DELETE CASCADE);
            CREATE INDEX person_links_user ON person_links (tenant, user_id);
            CREATE TABLE service_secrets (
              name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL, created_at DATETIME NOT NULL);
            """)
    }
}
