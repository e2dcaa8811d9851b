import Foundation
import PostgresNIO
import ProfileStorage

/// Where the PostgreSQL store connects, read from a `postgres://user:password@host:port/database` URL so
/// the service and the tests name a database the way every PostgreSQL tool does.
public struct PostgresStoreConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// `sslmode=require` in the URL asks for TLS; loopback and private networks default to plain TCP.
    public var requireTLS: Bool
    /// The most connections one process opens.
    public var maximumConnections: Int
    /// How long opening the store waits for the server before giving up with a clear error
    /// (`connect_timeout=SECONDS` in the URL, as libpq spells it).
    public var startupTimeout: Duration = .seconds(15)

    public init(
        host: String = "127.0.0.1", port: Int = 5432, username: String, password: String? = nil,
        database: String, requireTLS: Bool = false, maximumConnections: Int = 16
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.requireTLS = requireTLS
        self.maximumConnections = maximumConnections
    }

    /// Parses `postgres://` or `postgresql://` URLs (`sslmode` and `connect_timeout` read from the query);
    /// throws ``StoreError`` `unavailable` naming what is wrong.
    public init(url: String) throws {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else {
            throw StoreError(.unavailable, "not a PostgreSQL URL (expected postgres://user@host:port/database)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError(.unavailable, "the PostgreSQL URL names no user (postgres://USER@host/database)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let query = components.queryItems ?? []
        self.init(
            host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: components.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 },
            database: database.isEmpty ? user : database,
            requireTLS: query.contains { $0.name == "sslmode" && ["require", "verify-full", "verify-ca"].contains($0.value ?? "") })
        if let timeout = query.last(where: { $0.name == "connect_timeout" }) {
            guard let seconds = timeout.value.flatMap(Int.init), seconds > 0 else {
                throw StoreError(.unavailable, "connect_timeout in the PostgreSQL URL is '\(timeout.value ?? "")': expected whole seconds above 0")
            }
            startupTimeout = .seconds(seconds)
        }
    }

    /// A printable form without the password.
    public var redactedURL: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    package var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }
}
