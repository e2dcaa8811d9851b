import Crypto
import Foundation

/// A service API key: a random secret shown once to its owner, stored only as a SHA-256 hash so a leaked
/// database or log never reveals a usable key.
public struct APIKey: Sendable, Hashable, CustomStringConvertible {
    /// The secret itself, `hyp_` followed by 43 URL-safe base64 characters (32 random bytes).
    public let secret: String

    public init(secret: String) { self.secret = secret }

    /// A new random key.
    public static func generate() -> APIKey {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return APIKey(secret: "hyp_" + encoded)
    }

    /// The hex SHA-256 of the secret: what stores keep and look keys up by.
    public var hash: String { Self.hash(secret) }

    /// A short, non-secret label for logs and listings (`hyp_AbCd…`).
    public var label: String { String(secret.prefix(8)) + "…" }

    public static func hash(_ secret: String) -> String {
        // Hex by table, not String(format:): this runs on every authenticated request.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(secret.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Never prints the secret.
    public var description: String { label }
}

/// What a store keeps of an API key: its hash, its tenant, a non-secret label, and when it was revoked.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    public var hash: String
    public var tenant: TenantID
    public var label: String
    public var createdAt: Date
    /// When the key was revoked; a revoked key authenticates nothing.
    public var revokedAt: Date?

    public init(hash: String, tenant: TenantID, label: String, createdAt: Date = Date(), revokedAt: Date? = nil) {
        self.hash = hash
        self.tenant = tenant
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// The key's public id (`key_` and the first 16 hex digits of its hash): what listings show and
    /// revocation takes, never enough to authenticate.
    public var id: String { Self.idPrefix + hash.prefix(16) }

    /// The hash prefix an id names, or nil when `id` is not a key id.
    public static func hashPrefix(ofID id: String) -> String? {
        guard id.hasPrefix(idPrefix) else { return nil }
        let prefix = id.dropFirst(idPrefix.count)
        guard prefix.count == 16, prefix.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return String(prefix)
    }

    static let idPrefix = "key_"

    /// The record of a freshly generated key.
    public init(key: APIKey, tenant: TenantID) {
        self.init(hash: key.hash, tenant: tenant, label: key.label)
    }
}

/// Where the service finds which tenant an API key belongs to. Only hashes go in and come out.
public protocol APIKeyStore: Sendable {
    /// Stores a key's record; saving the same hash twice is an error.
    func saveAPIKey(_ record: APIKeyRecord) async throws
    /// The record with this hash (revoked or not), or nil for an unknown key.
    func apiKey(hash: String) async throws -> APIKeyRecord?
    /// Every key of `tenant` (all tenants' when nil), oldest first.
    func apiKeys(tenant: TenantID?) async throws -> [APIKeyRecord]
    /// Revokes the key with this ``APIKeyRecord/id``; returns its record (revoked earlier or now), or nil
    /// when no key has this id.
    func revokeAPIKey(id: String) async throws -> APIKeyRecord?
}
