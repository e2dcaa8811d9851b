import Foundation
import NIOCore
import PostgresNIO
import ProfileStorage

extension PostgresProfileStore: PersonPageStore {
    public func savePersonLink(_ link: PersonLink) async throws {
        try await write { connection, logger in
            try await connection.query(
                """
                INSERT INTO person_links (id, tenant, user_id, created_at, expires_at, revoked_at)
                VALUES (\(link.id), \(link.tenant.rawValue), \(link.userID), \(link.createdAt), \(link.expiresAt), \(link.revokedAt))
                """, logger: logger)
        }
    }

    public func personLink(id: String) async throws -> PersonLink? {
        try await translatingErrors {
            try await Self.personLinks(try await client.query(
                "SELECT id, tenant, user_id, created_at, expires_at, revoked_at FROM person_links WHERE id = \(id)",
                logger: logger)).first
        }
    }

    public func personLinks(userID: String, tenant: TenantID) async throws -> [PersonLink] {
        try await translatingErrors {
            try await Self.personLinks(try await client.query(
                """
                SELECT id, tenant, user_id, created_at, expires_at, revoked_at FROM person_links
                WHERE tenant = \(tenant.rawValue) AND user_id = \(userID) ORDER BY created_at, id
                """, logger: logger))
        }
    }

    public func revokePersonLink(id: String, userID: String, tenant: TenantID) async throws -> PersonLink? {
        try await write { connection, logger in
            try await connection.query(
                """
                UPDATE person_links SET revoked_at = now()
                WHERE id = \(id) AND tenant = \(tenant.rawValue) AND user_id = \(userID) AND revoked_at IS NULL
                """, logger: logger)
            return try await Self.personLinks(try await connection.query(
                """
                SELECT id, tenant, user_id, created_at, expires_at, revoked_at FROM person_links
                WHERE id = \(id) AND tenant = \(tenant.rawValue) AND user_id = \(userID)
                """, logger: logger)).first
        }
    }

    public func erasePerson(_ userID: String, tenant: TenantID) async throws -> Bool {
        try await write { connection, logger in
            try await connection.query(
                "DELETE FROM inference_jobs WHERE tenant = \(tenant.rawValue) AND user_id = \(userID)", logger: logger)
            try await connection.query(
                "DELETE FROM person_links WHERE tenant = \(tenant.rawValue) AND user_id = \(userID)", logger: logger)
            // Texts and the hypothesis set go with the profile (ON DELETE CASCADE).
            var deleted = false
            for try await _ in try await connection.query(
                "DELETE FROM profiles WHERE tenant = \(tenant.rawValue) AND id = \(userID) RETURNING id", logger: logger)
            {
                deleted = true
            }
            return deleted
        }
    }

    public func personLinkSecret(orStore candidate: Data) async throws -> Data {
        // A ByteBuffer binds as bytea ([UInt8] would bind as a "char"[] array, which the column refuses).
        let bytes = ByteBuffer(bytes: candidate)
        return try await write { connection, logger in
            try await connection.query(
                """
                INSERT INTO service_secrets (name, value, created_at) VALUES ('person-links', \(bytes), now())
                ON CONFLICT (name) DO NOTHING
                """, logger: logger)
            for try await value in try await connection.query(
                "SELECT value FROM service_secrets WHERE name = 'person-links'", logger: logger
            ).decode(ByteBuffer.self) {
                return Data(value.readableBytesView)
            }
            throw StoreError(.corrupt, "the person-link secret could not be stored")
        }
    }

    static func personLinks(_ rows: PostgresRowSequence) async throws -> [PersonLink] {
        var links: [PersonLink] = []
        for try await (id, tenant, userID, createdAt, expiresAt, revokedAt) in rows.decode(
            (String, String, String, Date, Date, Date?).self)
        {
            links.append(PersonLink(
                id: id, tenant: TenantID(tenant), userID: userID, createdAt: createdAt, expiresAt: expiresAt,
                revokedAt: revokedAt))
        }
        return links
    }
}

extension PostgresSchema {
    /// Person links (deleted with their profile) and the secret they are signed with.
    static let personLinks = Migration(version: 6, name: "person-links", statements: [
        """
        CREATE TABLE person_links (
          id TEXT PRIMARY KEY, tenant TEXT NOT NULL, user_id TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL, expires_at TIMESTAMPTZ NOT NULL, revoked_at TIMESTAMPTZ,
          FOREIGN KEY (tenant, user_id) REFERENCES profiles (tenant, id) ON DELETE CASCADE)
        """,
        "CREATE INDEX person_links_user ON person_links (tenant, user_id)",
        "CREATE TABLE service_secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL, created_at TIMESTAMPTZ NOT NULL)",
    ])
}
