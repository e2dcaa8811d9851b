import ProfileStorage
import Synchronization

/// Rendered personalization per (tenant, user), valid for one hypothesis revision: a request whose user's
/// revision is unchanged reuses the rendering without reading the user's profile. One short lock per
/// lookup; bounded, cleared when full.
final class PersonalizationCache: Sendable {
    struct Key: Hashable, Sendable {
        var tenant: TenantID
        var user: String
    }

    let capacity: Int
    private let entries = Mutex([Key: Personalization]())

    init(capacity: Int = 50_000) { self.capacity = capacity }

    /// The rendering for `revision`, if cached.
    func personalization(_ key: Key, revision: Int) -> Personalization? {
        entries.withLock { $0[key] }.flatMap { $0.revision == revision ? $0 : nil }
    }

    func remember(_ personalization: Personalization, for key: Key) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = personalization
        }
    }

    /// Forgets a user whose profile changed (its known attributes are part of the rendering).
    func invalidate(_ key: Key) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }
}

/// A user's rendered personalization for one hypothesis revision.
struct Personalization: Sendable {
    var revision: Int
    /// The message text.
    var text: String
    /// `text` as a JSON string literal, ready to splice into a request body.
    var jsonString: [UInt8]
}
