/// Bad input, said so a person can fix it: which file, which line, which field, what is wrong.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `file:line` or another description of where the problem is.
    public var location: String
    public var field: String?
    public var message: String

    public init(location: String, field: String? = nil, message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.location = line.map { "\(file):\($0)" } ?? file
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(location): field '\(field)': \(message)" }
        return "\(location): \(message)"
    }
}
