import ArgumentParser
import Foundation
import Logging
import ProfileStorage

/// `hyperalign keys create|list|revoke`: the service's API keys, stored hashed. Wiring only: the store does
/// the work, and every replica stops accepting a revoked key within its key cache lifetime (seconds).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the service's API keys.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key for a tenant. The key is printed once; only its SHA-256 is stored.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The tenant the key acts for (letters, digits, - _; 1–64 characters).") var tenant: String
        @Flag(help: "Print as JSON.") var json = false

        func validate() throws {
            let allowed = tenant.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0) }
            guard !tenant.isEmpty, tenant.count <= 64, allowed, tenant != TenantID.local.rawValue else {
                throw ValidationError("--tenant must be 1–64 letters, digits, '-' or '_' (and not 'local')")
            }
        }

        func run() async throws {
            let key = APIKey.generate()
            let location = try StoreLocation(global.storePath)
            var logger = Logger(label: "hyperalign.keys")
            logger.logLevel = .error
            let tenant = TenantID(tenant)
            try await location.withStore(logger: logger) { store in
                try await store.saveAPIKey(APIKeyRecord(key: key, tenant: tenant))
            }
            if json {
                try Console.json(["tenant": tenant.rawValue, "key": key.secret, "store": location.description])
            } else {
                Console.out(key.secret)
                Console.note("created a key for tenant '\(tenant)' in \(location.description); it is shown only now")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List API keys: id, tenant, label, created, revoked. Secrets are never stored, so never shown.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this tenant's keys.") var tenant: String?
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let location = try StoreLocation(global.storePath)
            let tenant = self.tenant.map { TenantID($0) }
            let records = try await location.withStore(logger: KeysCommand.quietLogger) { store in
                try await store.apiKeys(tenant: tenant)
            }
            if json {
                try Console.json(records.map(Listed.init))
                return
            }
            if records.isEmpty { Console.note("no API keys in \(location.description)") }
            for record in records {
                let revoked = record.revokedAt.map { "revoked \(Listed.format($0))" } ?? "active"
                Console.out("\(record.id)  \(record.tenant)  \(record.label)  created \(Listed.format(record.createdAt))  \(revoked)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API key by its id (from `keys list`); every replica refuses it within seconds.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The key's id, key_ and 16 hex digits.") var id: String

        func validate() throws {
            guard APIKeyRecord.hashPrefix(ofID: id) != nil else {
                throw ValidationError("'\(id)' is not a key id (key_ and 16 lowercase hex digits, as `keys list` shows)")
            }
        }

        func run() async throws {
            let location = try StoreLocation(global.storePath)
            let id = self.id
            guard let record = try await location.withStore(logger: KeysCommand.quietLogger, { try await $0.revokeAPIKey(id: id) })
            else { throw StoreError(.notFound, "no API key with id '\(id)' in \(location.description)") }
            Console.note("revoked \(record.id) (tenant '\(record.tenant)', \(record.label)); replicas refuse it within seconds")
        }
    }

    /// A key as `keys list --json` prints it.
    struct Listed: Encodable {
        var id: String
        var tenant: String
        var label: String
        var createdAt: Date
        var revokedAt: Date?

        init(_ record: APIKeyRecord) {
            id = record.id
            tenant = record.tenant.rawValue
            label = record.label
            createdAt = record.createdAt
            revokedAt = record.revokedAt
        }

        static func format(_ date: Date) -> String { date.ISO8601Format() }
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "hyperalign.keys")
        logger.logLevel = .error
        return logger
    }
}
