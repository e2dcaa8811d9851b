import ProfileStorage
import Synchronization

/// Rendered personalization per (tenant, user), valid for one ``PersonalizationRevision``: a request
/// whose user's revisions are unchanged reuses the rendering without reading hypotheses or profile, and
/// one whose entry was confirmed under the current ``PersonalizationChanges`` generation reads nothing.
/// One short lock per lookup; bounded, cleared when full.
final class PersonalizationCache: Sendable {
    struct Key: Hashable, Sendable {
        var tenant: TenantID
        var user: String
    }

    /// A rendering and the revisions it was made from; `personalization` is nil for a user whose set has
    /// no hypotheses and `revision` nil for one without a set (both remembered like any other user).
    struct Entry: Sendable {
        var revision: PersonalizationRevision?
        var personalization: Personalization?
        /// The change generation under which `revision` was last read as the user's current one.
        var confirmedIn: Int?
    }

    let capacity: Int
    private let entries = Mutex([Key: Entry]())

    init(capacity: Int = 50_000) { self.capacity = capacity }

    /// The cached entry, whatever its revision.
    func entry(_ key: Key) -> Entry? {
        entries.withLock { $0[key] }
    }

    func remember(_ entry: Entry, for key: Key) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// Forgets a user whose profile changed through this service.
    func invalidate(_ key: Key) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }
}

/// A user's rendered personalization.
struct Personalization: Sendable {
    /// The message text.
    var text: String
    /// `text` as a JSON string literal, ready to splice into a request body.
    var jsonString: [UInt8]
}
