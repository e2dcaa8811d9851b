/// A problem that stops an evaluation run: bad configuration, unreadable input, an inconsistent run folder.
///
/// Renders as one line naming the file (and line) when there is one, e.g.
/// `outputs.jsonl:4: field 'author' is missing`.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file concerned, if any.
    public var file: String?
    /// 1-based line in `file`.
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let file else { return message }
        return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
