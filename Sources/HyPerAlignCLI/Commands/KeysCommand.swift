import ArgumentParser
import Foundation
import Logging
import ProfileStorage

/// `hyperalign keys create --tenant NAME`: a new API key for the service, printed once and stored hashed.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the service's API keys.", subcommands: [Create.self])

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
                Console.error("created a key for tenant '\(tenant)' in \(location.description); it is shown only now")
            }
        }
    }
}
