import GRDB
import ProfileStorage

/// The SQLite schema as versioned migrations; a database is always brought up to the newest version.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-profiles-texts-hypotheses") { db in
            try db.execute(sql: """
                CREATE TABLE profiles (
                  tenant TEXT NOT NULL, id TEXT NOT NULL, attributes TEXT NOT NULL,
                  revision INTEGER NOT NULL, updated_at DATETIME NOT NULL,
                  PRIMARY KEY (tenant, id));
                CREATE TABLE texts (
                  tenant TEXT NOT NULL, user_id TEXT NOT NULL, position INTEGER NOT NULL,
                  text_id TEXT NOT NULL, body TEXT NOT NULL, prompt TEXT, source TEXT,
                  PRIMARY KEY (tenant, user_id, position),
                  FOREIGN KEY (tenant, user_id) REFERENCES profiles (tenant, id) ON DELETE CASCADE);
                CREATE TABLE hypothesis_sets (
                  tenant TEXT NOT NULL, user_id TEXT NOT NULL, revision INTEGER NOT NULL,
                  payload TEXT NOT NULL, updated_at DATETIME NOT NULL,
                  PRIMARY KEY (tenant, user_id),
                  FOREIGN KEY (tenant, user_id) REFERENCES profiles (tenant, id) ON DELETE CASCADE);
                """)
        }
        migrator.registerMigration("v2-api-keys") { db in
            try db.execute(sql: """
                CREATE TABLE api_keys (
                  hash TEXT PRIMARY KEY NOT NULL, tenant TEXT NOT NULL, label TEXT NOT NULL,
                  created_at DATETIME NOT NULL);
                """)
        }
        migrator.registerMigration("v3-api-key-revocation") { db in
            try db.execute(sql: "ALTER TABLE api_keys ADD COLUMN revoked_at DATETIME")
        }
        migrator.registerMigration("v4-inference-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE inference_jobs (
                  id TEXT PRIMARY KEY NOT NULL, tenant TEXT NOT NULL, user_id TEXT NOT NULL, status TEXT NOT NULL,
                  created_at DATETIME NOT NULL, started_at DATETIME, finished_at DATETIME,
                  attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_expires_at DATETIME,
                  hypotheses_revision INTEGER, hypothesis_count INTEGER, error TEXT);
                CREATE UNIQUE INDEX inference_jobs_one_active_per_user ON inference_jobs (tenant, user_id)
                  WHERE status IN ('queued', 'running');
                CREATE INDEX inference_jobs_claimable ON inference_jobs (status, created_at);
                CREATE INDEX inference_jobs_finished ON inference_jobs (finished_at);
                """)
        }
        migrator.registerMigration("v5-person-links", migrate: createPersonLinks)  // SQLiteProfileStore+links.swift
        migrator.registerMigration("v6-personalization-changes") { db in
            // One counter every change to profiles or hypothesis sets advances, whichever process commits it.
            var sql = """
                CREATE TABLE personalization_changes (
                  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1), counter INTEGER NOT NULL);
                INSERT INTO personalization_changes (id, counter) VALUES (1, 0);
                """
            for table in ["profiles", "hypothesis_sets"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    sql += """
                        CREATE TRIGGER \(table)_\(event.lowercased())_counts_personalization_change AFTER \(event) ON \(table)
                        BEGIN UPDATE personalization_changes SET counter = counter + 1 WHERE id = 1; END;

                        """
                }
            }
            try db.execute(sql: sql)
        }
        return migrator
    }
}
