/// A link that cannot be made: unknown user, lifetime out of range, an unusable secret.
public struct PersonLinkError: Error, Sendable, CustomStringConvertible, Hashable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Why a link does not open the page, with the status and words the person sees.
public enum PersonLinkRefusal: Error, Sendable, Hashable {
    /// Not issued by this service, damaged, or changed (e.g. another user's id put in).
    case invalid
    case expired
    case revoked
    /// The person's data was deleted (with the link).
    case gone

    /// 401 for a link that proves nothing, 403 for a withdrawn one, 410 for one that ran out or whose data is gone.
    public var status: Int {
        switch self {
        case .invalid: 401
        case .revoked: 403
        case .expired, .gone: 410
        }
    }

    public var title: String {
        switch self {
        case .invalid: "This link is not valid"
        case .expired: "This link has expired"
        case .revoked: "This link was withdrawn"
        case .gone: "There is nothing here any more"
        }
    }

    public var message: String {
        switch self {
        case .invalid: "The address may be incomplete or changed. Copy the whole link you were given and try again."
        case .expired: "Links to this page work for a limited time, and this one has run out."
        case .revoked: "Whoever gave you this link has withdrawn it."
        case .gone: "The data this link showed has been deleted."
        }
    }

    public var hint: String {
        switch self {
        case .invalid, .expired, .revoked: "Ask whoever gave you the link for a new one."
        case .gone: "Nothing about you is kept here. If you did not delete it yourself, ask whoever gave you the link."
        }
    }
}
