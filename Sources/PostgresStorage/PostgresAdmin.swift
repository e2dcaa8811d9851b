import Logging
import PostgresNIO
import ProfileStorage

/// Creates and drops whole databases: for tests and benchmarks that want a database of their own.
public enum PostgresAdmin {
    /// Creates database `name` (letters, digits, `_`) on the server `configuration` points at.
    public static func createDatabase(_ name: String, using configuration: PostgresStoreConfiguration) async throws {
        try await run("CREATE DATABASE \(try identifier(name))", using: configuration)
    }

    /// Drops database `name` if it exists.
    public static func dropDatabase(_ name: String, using configuration: PostgresStoreConfiguration) async throws {
        try await run("DROP DATABASE IF EXISTS \(try identifier(name)) WITH (FORCE)", using: configuration)
    }

    static func identifier(_ name: String) throws -> String {
        guard !name.isEmpty, name.count <= 63,
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { throw StoreError(.unavailable, "'\(name)' is not a plain database name (a-z, 0-9, _)") }
        return name
    }

    static func run(_ sql: String, using configuration: PostgresStoreConfiguration) async throws {
        var logger = Logger(label: "hyperalign.postgres.admin")
        logger.logLevel = .error
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            do {
                try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            } catch let error as PSQLError {
                throw StoreError(
                    .unavailable, "PostgreSQL at \(configuration.redactedURL): \(error.serverInfo?[.message] ?? "\(error.code)")")
            }
        }
    }
}
