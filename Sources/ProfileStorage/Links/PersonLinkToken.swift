import Crypto
import Foundation

/// The token in a person link's URL: the link's id, tenant, user and expiry, signed with HMAC-SHA256 under
/// the store's link secret. The signature makes it unforgeable and binds it to one user of one tenant; the
/// stored ``PersonLink`` makes it revocable.
///
/// Form: base64url(`v1` NUL id NUL tenant NUL user NUL expiry-seconds) `.` base64url(HMAC).
public struct PersonLinkToken: Sendable, Hashable {
    public var linkID: String
    public var tenant: TenantID
    public var userID: String
    public var expiresAt: Date

    public init(linkID: String, tenant: TenantID, userID: String, expiresAt: Date) {
        self.linkID = linkID
        self.tenant = tenant
        self.userID = userID
        self.expiresAt = expiresAt
    }

    public init(_ link: PersonLink) {
        self.init(linkID: link.id, tenant: link.tenant, userID: link.userID, expiresAt: link.expiresAt)
    }

    /// Why a token was refused.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not a token at all, or its signature does not match: forged or damaged.
        case invalid
        public var description: String { "the link is not valid (damaged or not issued by this service)" }
    }

    /// The signed token.
    public func signed(with secret: Data) -> String {
        let payload = Data(payloadText.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: secret))
        return Self.base64URL(payload) + "." + Self.base64URL(Data(mac))
    }

    /// Reads and verifies a token (constant-time signature check). Expiry and revocation are the caller's:
    /// they need the stored link.
    public static func verify(_ token: String, secret: Data) throws(Problem) -> PersonLinkToken {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 1024, parts.count == 2, let payload = decodeBase64URL(parts[0]),
            let mac = decodeBase64URL(parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: SymmetricKey(data: secret))
        else { throw .invalid }
        let fields = String(decoding: payload, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0] == "v1", let seconds = Int(fields[4]) else { throw .invalid }
        return PersonLinkToken(
            linkID: String(fields[1]), tenant: TenantID(String(fields[2])), userID: String(fields[3]),
            expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A token derived from this one for another purpose (e.g. the page's form tokens), under the same secret.
    public func derivedToken(purpose: String, secret: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((purpose + "\u{0}" + payloadText).utf8), using: SymmetricKey(data: secret))
        return Self.base64URL(Data(mac))
    }

    /// 32 random bytes: a new link secret.
    public static func generateSecret() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    var payloadText: String {
        ["v1", linkID, tenant.rawValue, userID, String(Int(expiresAt.timeIntervalSince1970))].joined(separator: "\u{0}")
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> Data? {
        guard text.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "-" || $0 == "_" }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        // Only the canonical spelling: unused low bits in the last character would make several tokens
        // decode alike.
        guard let data = Data(base64Encoded: base64), base64URL(data) == text else { return nil }
        return data
    }
}
