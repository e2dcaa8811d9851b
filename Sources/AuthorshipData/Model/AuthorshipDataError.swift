/// A problem in a data file, naming the file, the line (or array item) and the field.
///
/// Renders as "ccat50/c50train.jsonl:17: field 'text' is missing" so a user with their own corpus can fix it.
public struct AuthorshipDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the data directory when it is inside it.
    public var file: String
    /// 1-based line of a JSONL file.
    public var line: Int?
    /// 0-based item of a JSON array file.
    public var item: Int?
    /// The offending field, if the problem is about one.
    public var field: String?
    /// What is wrong, e.g. "is missing".
    public var problem: String

    public init(file: String, line: Int? = nil, item: Int? = nil, field: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.item = item
        self.field = field
        self.problem = problem
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let item { location += ": item \(item)" }
        if let field { return "\(location): field '\(field)' \(problem)" }
        return "\(location): \(problem)"
    }
}
