/// A closing at the end of a text, like "Best,\nAnn" or "Thanks! -- Ann Smith".
public struct SignOff: Sendable, Hashable, Codable {
    /// The closing phrase without punctuation ("Best", "Thanks"), if any.
    public var closing: String?
    /// The signed name, if any.
    public var name: String?

    public init(closing: String?, name: String?) {
        self.closing = closing
        self.name = name
    }

    /// The number of words in the signed name (1 = first name only).
    public var nameWordCount: Int {
        name.map { $0.split(separator: " ").count } ?? 0
    }

    /// Closing phrases recognised at the end of a text (lowercase, no punctuation).
    public static let closings: Set<String> = [
        "best", "best regards", "best wishes", "regards", "kind regards", "warm regards", "thanks",
        "thank you", "many thanks", "thanks again", "cheers", "sincerely", "yours", "yours truly",
        "yours sincerely", "love", "lots of love", "take care", "all the best", "talk soon", "later",
        "peace", "hugs", "xoxo", "respectfully", "cordially", "warmly", "ciao", "bye",
    ]
}
