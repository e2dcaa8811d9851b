/// Appending would give a user more texts than allowed; checked inside the append's transaction, so
/// concurrent appends cannot pass it together.
public struct TextLimitExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var limit: Int
    /// How many texts the user would have had.
    public var wouldHave: Int

    public init(user: String, limit: Int, wouldHave: Int) {
        self.user = user
        self.limit = limit
        self.wouldHave = wouldHave
    }

    public var description: String {
        "a user may have at most \(limit) texts (this would make \(wouldHave))"
    }
}
