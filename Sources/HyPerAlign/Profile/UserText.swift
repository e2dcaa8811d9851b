/// One text a person wrote, with the prompt or context that produced it when known.
public struct UserText: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var text: String
    /// What the text answered (an email it replied to, an assignment, the start of an article).
    public var prompt: String?
    /// Where it came from (`emails.jsonl:12`), for messages that must point back at the input.
    public var source: String?

    public init(id: String, text: String, prompt: String? = nil, source: String? = nil) {
        self.id = id
        self.text = text
        self.prompt = prompt
        self.source = source
    }

    public var wordCount: Int { text.split(whereSeparator: { $0.isWhitespace }).count }
}
