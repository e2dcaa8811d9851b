import Foundation
import ProfileStorage
import Synchronization

/// Issues, opens and revokes the links people open their own page with. Used by the service's operator
/// routes and by `hyperalign users link`; the signing secret comes from the configuration or the store.
public struct PersonLinks: Sendable {
    let store: any PersonPageStore & ProfileStore
    public let configuration: PersonPageConfiguration
    private let cachedSecret = SecretCache()

    public init(store: any PersonPageStore & ProfileStore, configuration: PersonPageConfiguration = .init()) {
        self.store = store
        self.configuration = configuration
    }

    /// A link just made: its id (for revoking), the URL to give the person, and when it stops working.
    public struct Issued: Sendable, Hashable, Codable {
        public var id: String
        public var userID: String
        public var url: String
        public var createdAt: Date
        public var expiresAt: Date
    }

    /// A link that opened: the stored record and the verified token.
    public struct Opened: Sendable, Hashable {
        public var link: PersonLink
        public var token: PersonLinkToken
        /// The page's path, `/me/TOKEN`.
        public var basePath: String
    }

    /// The page's path for a token.
    public static func path(for token: String) -> String { "/me/" + token }

    /// The secret links are signed with (configured, or the store's, generated on first use).
    public func secret() async throws -> Data {
        if let secret = configuration.linkSecret { return secret }
        if let cached = cachedSecret.value.withLock({ $0 }) { return cached }
        let secret = try await store.personLinkSecret(orStore: PersonLinkToken.generateSecret())
        cachedSecret.value.withLock { $0 = secret }
        return secret
    }

    /// Makes a link for `userID` of `tenant`, valid for `lifetime` (default: the configured one).
    /// - Parameter baseURL: where the service is reached; the configured public URL wins over it.
    /// - Throws: ``PersonLinkError`` for an unknown user or a lifetime out of range.
    public func issue(userID: String, tenant: TenantID, lifetime: Duration? = nil, baseURL: String) async throws -> Issued {
        let lifetime = lifetime ?? configuration.defaultLinkLifetime
        guard lifetime >= .seconds(60), lifetime <= configuration.maxLinkLifetime else {
            throw PersonLinkError(
                "a link lives from 60 seconds to \(Int(configuration.maxLinkLifetime.secondsValue)) seconds (asked: \(Int(lifetime.secondsValue)))")
        }
        guard try await store.profile(userID, tenant: tenant) != nil else {
            throw PersonLinkError("no user '\(userID)' in tenant '\(tenant)'")
        }
        let now = Date()
        let link = PersonLink(
            tenant: tenant, userID: userID, createdAt: now,
            expiresAt: Date(timeIntervalSince1970: (now.timeIntervalSince1970 + lifetime.secondsValue).rounded(.down)))
        try await store.savePersonLink(link)
        let token = PersonLinkToken(link).signed(with: try await secret())
        let base = (configuration.publicBaseURL ?? baseURL).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return Issued(id: link.id, userID: userID, url: base + Self.path(for: token), createdAt: now, expiresAt: link.expiresAt)
    }

    /// Checks a token from a page URL: signed by this service, its link stored, not revoked or expired, for
    /// the very user and tenant it names, and that user still there.
    public func open(_ token: String) async throws -> Result<Opened, PersonLinkRefusal> {
        let verified: PersonLinkToken
        do {
            verified = try PersonLinkToken.verify(token, secret: try await secret())
        } catch {
            return .failure(.invalid)
        }
        guard PersonLink.isValidID(verified.linkID), let link = try await store.personLink(id: verified.linkID) else {
            return .failure(.gone)
        }
        guard link.tenant == verified.tenant, link.userID == verified.userID else { return .failure(.invalid) }
        switch link.state() {
        case .revoked: return .failure(.revoked)
        case .expired: return .failure(.expired)
        case .active: break
        }
        guard try await store.profile(link.userID, tenant: link.tenant) != nil else { return .failure(.gone) }
        return .success(Opened(link: link, token: verified, basePath: Self.path(for: token)))
    }

    /// The form token of an opened link: derived from it under the secret, so a form posted to one link's
    /// page cannot be replayed against another's.
    public func formToken(for opened: Opened) async throws -> String {
        opened.token.derivedToken(purpose: "form", secret: try await secret())
    }

    /// Revokes one of a user's links; nil when the user has no link with this id.
    public func revoke(linkID: String, userID: String, tenant: TenantID) async throws -> PersonLink? {
        guard PersonLink.isValidID(linkID) else { return nil }
        return try await store.revokePersonLink(id: linkID, userID: userID, tenant: tenant)
    }
}

/// The store's link secret once read, shared by copies of ``PersonLinks``.
final class SecretCache: Sendable {
    let value = Mutex<Data?>(nil)
}
