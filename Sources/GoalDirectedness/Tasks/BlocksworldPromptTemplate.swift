/// One prompt resource: a version header, then a body with `{{placeholder}}` slots.
///
/// The version travels with results, so numbers from different prompt revisions are never mixed silently.
public struct BlocksworldPromptTemplate: Sendable, Hashable {
    public var name: String
    public var version: String
    public var body: String

    public init(name: String, version: String, body: String) {
        self.name = name
        self.version = version
        self.body = body
    }

    /// Parses a file of the form `version: N`, `---`, body.
    /// - Throws: `GoalDirectednessError` if the header is missing.
    public init(name: String, fileContents: String) throws(GoalDirectednessError) {
        let lines = fileContents.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0].hasPrefix("version:"), lines[1] == "---" else {
            throw .malformedResource(name)
        }
        self.name = name
        self.version = String(lines[0].dropFirst("version:".count)).trimmed
        var body = lines.dropFirst(2).joined(separator: "\n")
        while body.hasSuffix("\n") { body.removeLast() }
        self.body = body
    }

    /// The body with every `{{key}}` replaced by its value.
    public func render(_ values: [String: String]) -> String {
        values.reduce(body) { text, entry in text.replacing("{{\(entry.key)}}", with: entry.value) }
    }
}

extension StringProtocol {
    var trimmed: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
