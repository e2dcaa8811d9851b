import Foundation
import HyPerAlignService
import Logging
import PostgresStorage
import ProfileStorage
import SQLiteStorage

/// Where the service's store lives, from `--store`: `sqlite:PATH` (or a bare path) or `postgres://…`.
enum StoreLocation {
    case sqlite(path: String)
    case postgres(PostgresStoreConfiguration)

    init(_ value: String) throws {
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(try PostgresStoreConfiguration(url: value))
        } else if value.hasPrefix("sqlite:") {
            self = .sqlite(path: String(value.dropFirst("sqlite:".count)))
        } else {
            self = .sqlite(path: value)
        }
    }

    /// A printable name, without any password.
    var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let configuration): configuration.redactedURL
        }
    }

    /// Opens the store (migrating it) for the duration of `body`.
    func withStore<T: Sendable>(logger: Logger, _ body: @Sendable (any ServiceStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite(let path):
            return try await body(try SQLiteProfileStore(path: path))
        case .postgres(let configuration):
            return try await PostgresProfileStore.withStore(configuration, logger: logger) { try await body($0) }
        }
    }
}
