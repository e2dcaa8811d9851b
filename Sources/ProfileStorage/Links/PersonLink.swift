import Foundation

/// A link an operator gives one person to their own page: for one user of one tenant, until it expires or
/// is revoked. The store keeps this record; the URL carries a token signed over it (see
/// ``PersonLinkToken``), so a link cannot be forged or moved to another user.
public struct PersonLink: Sendable, Hashable, Codable {
    /// `lnk_` and 20 random hex digits: what revocation takes; not enough to open the page.
    public var id: String
    public var tenant: TenantID
    public var userID: String
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    public init(
        id: String = PersonLink.makeID(), tenant: TenantID, userID: String, createdAt: Date = Date(), expiresAt: Date,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.userID = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether it opens the page at `now`.
    public enum State: String, Sendable, Hashable, Codable {
        case active, expired, revoked
    }

    public func state(at now: Date = Date()) -> State {
        if revokedAt != nil { return .revoked }
        return now < expiresAt ? .active : .expired
    }

    /// A fresh random id.
    public static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "lnk_" + (0..<10).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Whether `id` looks like a link id (checked before it reaches a query).
    public static func isValidID(_ id: String) -> Bool {
        id.hasPrefix("lnk_") && id.count == 24 && id.dropFirst(4).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
