/// Layout habits: lists, headers, links, line structure.
public struct FormattingProfile: Sendable, Hashable, Codable {
    /// Non-empty lines.
    public var lines = 0
    /// Lines starting with "-", "*", "+" or "•" and a space.
    public var bulletedLines = 0
    /// Lines starting with a number and "." or ")" and a space.
    public var numberedLines = 0
    /// Markdown-style header lines ("# Title").
    public var headerLines = 0
    /// Links: "http", "www." or the blog corpus's "urlLink" token.
    public var links = 0

    public init() {}

    /// Whether the text contains a bulleted or numbered list.
    public var hasList: Bool { bulletedLines + numberedLines > 0 }
}
