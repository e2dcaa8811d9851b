/// Texts by one author: the input shape for references and impostor pools.
public struct AuthorTexts: Sendable, Hashable, Codable {
    public var author: String
    public var texts: [String]

    public init(author: String, texts: [String]) {
        self.author = author
        self.texts = texts
    }
}
