import Foundation

/// How the person's page and its links behave.
public struct PersonPageConfiguration: Sendable, Hashable {
    /// The address people reach the service at (`https://hyperalign.example.org`), put in front of link
    /// paths; nil uses the `Host` the operator's request came with.
    public var publicBaseURL: String?
    /// How long a link works when the operator names no lifetime.
    public var defaultLinkLifetime: Duration
    /// The longest lifetime a link may be given.
    public var maxLinkLifetime: Duration
    /// A fixed link secret (e.g. `$HYPERALIGN_LINK_SECRET`); nil uses the one kept in the store, generated
    /// on first use, which every replica on that store shares.
    public var linkSecret: Data?
    /// The largest form a page accepts, in bytes.
    public var maxFormBytes: Int

    public init(
        publicBaseURL: String? = nil, defaultLinkLifetime: Duration = .seconds(7 * 86_400),
        maxLinkLifetime: Duration = .seconds(90 * 86_400), linkSecret: Data? = nil, maxFormBytes: Int = 64 * 1024
    ) {
        self.publicBaseURL = publicBaseURL
        self.defaultLinkLifetime = defaultLinkLifetime
        self.maxLinkLifetime = maxLinkLifetime
        self.linkSecret = linkSecret
        self.maxFormBytes = maxFormBytes
    }

    /// The environment variable a fixed link secret is read from (at least 32 characters).
    public static let secretVariable = "HYPERALIGN_LINK_SECRET"

    /// The secret in `$HYPERALIGN_LINK_SECRET`, or nil when unset.
    /// - Throws: ``PersonLinkError`` when it is set but shorter than 32 characters.
    public static func secretFromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Data?
    {
        guard let value = environment[secretVariable], !value.isEmpty else { return nil }
        guard value.utf8.count >= 32 else {
            throw PersonLinkError("$\(secretVariable) must be at least 32 characters (it has \(value.utf8.count))")
        }
        return Data(value.utf8)
    }
}
