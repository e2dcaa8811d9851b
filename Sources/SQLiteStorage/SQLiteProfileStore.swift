import Foundation
import GRDB
import HyPerAlign
import ProfileStorage

/// The default store: one SQLite file (WAL mode), zero set-up, safe against a crash mid-write because
/// every operation is one transaction.
///
/// It runs with `synchronous=FULL`: every commit is synced to disk before it is acknowledged, so an
/// acknowledged write survives a power cut as well as a killed process (WAL's `NORMAL` may lose the last
/// commits on power loss). Rate limits over SQLite are per process: the file is one server's.
public final class SQLiteProfileStore: ProfileStore {
    let pool: DatabasePool
    public let path: String

    /// Opens (and creates or migrates) the database at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: path, configuration: configuration)
            // After GRDB's WAL set-up, which picks NORMAL; the pool's one writer keeps this for its lifetime.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite store at \(path): \(error)")
        }
    }

    public func saveProfile(_ profile: UserProfile, tenant: TenantID) async throws -> UserProfile {
        try await pool.write { db in try Self.save(profile, tenant: tenant, db: db) }
    }

    public func profile(_ id: String, tenant: TenantID) async throws -> UserProfile? {
        try await pool.read { db in try Self.load(id, tenant: tenant, db: db) }
    }

    public func profileSummaries(tenant: TenantID) async throws -> [ProfileSummary] {
        try await pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM profiles WHERE tenant = ? ORDER BY id", arguments: [tenant.rawValue])
            return try ids.compactMap { id in
                guard let profile = try Self.load(id, tenant: tenant, db: db) else { return nil }
                let set = try Self.loadSet(id, tenant: tenant, db: db)
                return ProfileSummary(
                    id: id, textCount: profile.texts.count, hasHypotheses: set != nil,
                    hypothesesStale: set?.isStale(for: profile) ?? false, updatedAt: profile.updatedAt)
            }
        }
    }

    public func deleteProfile(_ id: String, tenant: TenantID) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM profiles WHERE tenant = ? AND id = ?", arguments: [tenant.rawValue, id])
            return db.changesCount > 0
        }
    }

    public func appendTexts(_ texts: [UserText], to id: String, tenant: TenantID, maxTexts: Int?) async throws
        -> UserProfile
    {
        // One write transaction (SQLite has one writer at a time, across processes too): the count, the ids
        // and the insert cannot interleave with another append.
        try await pool.write { db in
            guard let revision = try Int.fetchOne(
                db, sql: "SELECT revision FROM profiles WHERE tenant = ? AND id = ?", arguments: [tenant.rawValue, id])
            else { throw StoreError.notFound(user: id) }
            let existing = try String.fetchAll(
                db, sql: "SELECT text_id FROM texts WHERE tenant = ? AND user_id = ? ORDER BY position",
                arguments: [tenant.rawValue, id])
            let prepared = try TextAppend.prepare(texts, user: id, existingIDs: existing, maxTexts: maxTexts)
            let first = try Int.fetchOne(
                db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM texts WHERE tenant = ? AND user_id = ?",
                arguments: [tenant.rawValue, id]) ?? 0
            for (offset, text) in prepared.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO texts (tenant, user_id, position, text_id, body, prompt, source)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [tenant.rawValue, id, first + offset, text.id, text.text, text.prompt, text.source])
            }
            try db.execute(
                sql: "UPDATE profiles SET revision = ?, updated_at = ? WHERE tenant = ? AND id = ?",
                arguments: [revision + 1, Date(), tenant.rawValue, id])
            guard let profile = try Self.load(id, tenant: tenant, db: db) else { throw StoreError.notFound(user: id) }
            return profile
        }
    }

    public func hypothesisSet(for userID: String, tenant: TenantID) async throws -> HypothesisSet? {
        try await pool.read { db in try Self.loadSet(userID, tenant: tenant, db: db) }
    }

    public func saveHypothesisSet(_ set: HypothesisSet, tenant: TenantID, expectedRevision: Int?) async throws
        -> HypothesisSet
    {
        try await pool.write { db in
            let exists = try Bool.fetchOne(
                db, sql: "SELECT EXISTS(SELECT 1 FROM profiles WHERE tenant = ? AND id = ?)",
                arguments: [tenant.rawValue, set.userID]) ?? false
            guard exists else { throw StoreError.notFound(user: set.userID) }
            let current = try Int.fetchOne(
                db, sql: "SELECT revision FROM hypothesis_sets WHERE tenant = ? AND user_id = ?",
                arguments: [tenant.rawValue, set.userID]) ?? 0
            if let expectedRevision, expectedRevision != current {
                throw StoreError.conflict(user: set.userID, expected: expectedRevision, actual: current)
            }
            var stored = set
            stored.revision = current + 1
            try db.execute(
                sql: """
                    INSERT INTO hypothesis_sets (tenant, user_id, revision, payload, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (tenant, user_id) DO UPDATE SET
                      revision = excluded.revision, payload = excluded.payload, updated_at = excluded.updated_at
                    """,
                arguments: [tenant.rawValue, set.userID, stored.revision, try StoredJSON.encode(stored), Date()])
            return stored
        }
    }

    public func deleteHypothesisSet(for userID: String, tenant: TenantID) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM hypothesis_sets WHERE tenant = ? AND user_id = ?", arguments: [tenant.rawValue, userID])
            return db.changesCount > 0
        }
    }

    /// A pragma's value as the writing connection sees it (`synchronous` → `2` for FULL), for tests and
    /// diagnostics.
    package func pragma(_ name: String) async throws -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return try await pool.write { db in
            switch try DatabaseValue.fetchOne(db, sql: "PRAGMA \(name)")?.storage {
            case .int64(let value): "\(value)"
            case .double(let value): "\(value)"
            case .string(let value): value
            case .blob, .null, nil: nil
            }
        }
    }

    static func save(_ profile: UserProfile, tenant: TenantID, db: Database) throws -> UserProfile {
        let current = try Int.fetchOne(
            db, sql: "SELECT revision FROM profiles WHERE tenant = ? AND id = ?",
            arguments: [tenant.rawValue, profile.id]) ?? 0
        var stored = profile
        stored.revision = current + 1
        stored.updatedAt = Date()
        try db.execute(
            sql: """
                INSERT INTO profiles (tenant, id, attributes, revision, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant, id) DO UPDATE SET
                  attributes = excluded.attributes, revision = excluded.revision, updated_at = excluded.updated_at
                """,
            arguments: [tenant.rawValue, profile.id, try StoredJSON.encode(profile.attributes), stored.revision,
                        stored.updatedAt])
        try db.execute(
            sql: "DELETE FROM texts WHERE tenant = ? AND user_id = ?", arguments: [tenant.rawValue, profile.id])
        for (position, text) in profile.texts.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO texts (tenant, user_id, position, text_id, body, prompt, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [tenant.rawValue, profile.id, position, text.id, text.text, text.prompt, text.source])
        }
        return stored
    }

    static func load(_ id: String, tenant: TenantID, db: Database) throws -> UserProfile? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT attributes, revision, updated_at FROM profiles WHERE tenant = ? AND id = ?",
            arguments: [tenant.rawValue, id])
        else { return nil }
        let texts = try Row.fetchAll(
            db,
            sql: "SELECT text_id, body, prompt, source FROM texts WHERE tenant = ? AND user_id = ? ORDER BY position",
            arguments: [tenant.rawValue, id]
        ).map { UserText(id: $0["text_id"], text: $0["body"], prompt: $0["prompt"], source: $0["source"]) }
        return UserProfile(
            id: id, texts: texts,
            attributes: try StoredJSON.decode([String: String].self, from: row["attributes"], what: "attributes of '\(id)'"),
            revision: row["revision"], updatedAt: row["updated_at"])
    }

    static func loadSet(_ userID: String, tenant: TenantID, db: Database) throws -> HypothesisSet? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT revision, payload FROM hypothesis_sets WHERE tenant = ? AND user_id = ?",
            arguments: [tenant.rawValue, userID])
        else { return nil }
        var set = try StoredJSON.decode(HypothesisSet.self, from: row["payload"], what: "hypotheses of '\(userID)'")
        set.revision = row["revision"]
        return set
    }
}
