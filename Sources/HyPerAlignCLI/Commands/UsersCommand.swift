import ArgumentParser
import Foundation
import HyPerAlignService
import Logging
import ProfileStorage

/// `hyperalign users link|links|revoke-link`: links people open their own page with (served by `serve`).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Give a person a link to their own page, list and revoke links.",
        subcommands: [Link.self, Links.self, RevokeLink.self])

    /// Options every subcommand shares: the store and the tenant.
    struct Scope: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Option(help: "The tenant the user belongs to (the CLI's own users are in 'local').") var tenant = TenantID.local.rawValue

        func withLinks<T: Sendable>(_ body: @Sendable (PersonLinks, any ServiceStore) async throws -> T) async throws -> T {
            var logger = Logger(label: "hyperalign.users")
            logger.logLevel = .error
            let configuration = PersonPageConfiguration(linkSecret: try PersonPageConfiguration.secretFromEnvironment())
            return try await StoreLocation(global.storePath).withStore(logger: logger) { store in
                try await body(PersonLinks(store: store, configuration: configuration), store)
            }
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a link to a user's own page: they can read, correct, add to, download and delete what is held about them.",
            discussion: """
                The link is signed, works for one user only and expires; revoke it with `users revoke-link`. \
                Links are signed with $HYPERALIGN_LINK_SECRET when set, else with a secret kept in the store \
                (made on first use), so `serve` on the same store accepts them.
                Example: hyperalign users link marta --ttl 2d --service-url https://hyperalign.example.org
                """)
        @OptionGroup var scope: Scope
        @Argument(help: "The user id.") var user: String
        @Option(help: "How long the link works: e.g. 30m, 12h, 7d (default 7d, at most 90d).") var ttl = "7d"
        @Option(name: .customLong("service-url"), help: "Where `serve` is reached (the link starts with it).") var serviceURL = "http://127.0.0.1:8080"
        @Flag(help: "Print as JSON.") var json = false

        func validate() throws {
            guard Self.seconds(ttl) != nil else { throw ValidationError("--ttl '\(ttl)': write a number with s, m, h or d (e.g. 7d)") }
        }

        func run() async throws {
            let lifetime = Duration.seconds(Self.seconds(ttl) ?? 0)
            let (user, tenant, baseURL) = (user, TenantID(scope.tenant), serviceURL)
            let issued = try await scope.withLinks { links, _ in
                do {
                    return try await links.issue(userID: user, tenant: tenant, lifetime: lifetime, baseURL: baseURL)
                } catch let error as PersonLinkError {
                    throw CLIFailure(error.description, exitCode: error.description.hasPrefix("no user") ? .notFound : .usage)
                }
            }
            if json { return try Console.json(issued) }
            Console.out(issued.url)
            Console.note("link \(issued.id) for '\(user)' works until \(issued.expiresAt.formatted(.iso8601)); revoke: hyperalign users revoke-link \(user) \(issued.id)")
        }

        /// `7d` → 604800; nil when not a duration.
        static func seconds(_ text: String) -> Int? {
            let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
            if let plain = Int(text) { return plain > 0 ? plain : nil }
            guard let unit = text.last.flatMap({ units[$0] }), let count = Int(text.dropLast()), count > 0 else { return nil }
            return count * unit
        }
    }

    struct Links: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a user's links (ids and states, never the links themselves).")
        @OptionGroup var scope: Scope
        @Argument(help: "The user id.") var user: String
        @Flag(help: "Print as JSON.") var json = false

        func run() async throws {
            let (user, tenant) = (user, TenantID(scope.tenant))
            let links = try await scope.withLinks { _, store in try await store.personLinks(userID: user, tenant: tenant) }
            if json { return try Console.json(links) }
            for link in links {
                Console.out("\(link.id)  \(link.state().rawValue)  until \(link.expiresAt.formatted(.iso8601))")
            }
        }
    }

    struct RevokeLink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-link", abstract: "Revoke a link: it stops working at once.")
        @OptionGroup var scope: Scope
        @Argument(help: "The user id.") var user: String
        @Argument(help: "The link id (lnk_…), as `users link` and `users links` print it.") var link: String

        func run() async throws {
            let (user, tenant, id) = (user, TenantID(scope.tenant), link)
            let revoked = try await scope.withLinks { links, _ in try await links.revoke(linkID: id, userID: user, tenant: tenant) }
            guard revoked != nil else { throw CLIFailure("user '\(user)' has no link '\(id)'", exitCode: .notFound) }
            Console.note("revoked \(id)")
        }
    }
}
