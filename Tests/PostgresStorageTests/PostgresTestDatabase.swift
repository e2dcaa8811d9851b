import Foundation
import PostgresStorage
import Testing

/// The PostgreSQL the tests use: `$HYPERALIGN_TEST_POSTGRES_URL` (scripts/test starts one on loopback).
/// Without it the suite is skipped locally, and fails under CI, where a missing database is a broken set-up.
enum PostgresTestDatabase {
    static let url = ProcessInfo.processInfo.environment["HYPERALIGN_TEST_POSTGRES_URL"]

    static var isAvailable: Bool { url != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A configuration for a fresh, empty database of its own, so tests never see each other's rows.
    static func freshDatabase() async throws -> PostgresStoreConfiguration {
        let url = try #require(url, "HYPERALIGN_TEST_POSTGRES_URL is not set, and CI=true needs PostgreSQL")
        let base = try PostgresStoreConfiguration(url: url)
        let name = "hyperalign_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await PostgresAdmin.createDatabase(name, using: base)
        var fresh = base
        fresh.database = name
        return fresh
    }

    /// Drops a database made by ``freshDatabase()``.
    static func drop(_ configuration: PostgresStoreConfiguration) async throws {
        var server = configuration
        server.database = try PostgresStoreConfiguration(url: try #require(url)).database
        try await PostgresAdmin.dropDatabase(configuration.database, using: server)
    }
}
