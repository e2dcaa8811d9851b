/// A store-wide count of committed changes to any user's hypotheses or profile, kept by the database
/// itself (triggers), so it also counts changes made by another replica or the CLI. A personalizing
/// proxy polls it off the request path instead of reading each user's revisions on every request.
public protocol PersonalizationChangeCounting: Sendable {
    /// The current count; it changes after every committed insert, update or delete of a hypothesis set
    /// or profile (it may also change spuriously, never stay the same across such a change).
    func personalizationChangeCount() async throws -> Int
}
