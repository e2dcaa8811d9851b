/// A prompt file that cannot be used.
public struct PromptError: Error, Sendable, CustomStringConvertible {
    /// Creates the error for `origin` (a file path or `bundled:NAME.prompt`).
    public init(origin: String, line: Int?, message: String) {
        self.origin = origin
        self.line = line
        self.message = message
    }

    public var origin: String
    public var line: Int?
    public var message: String
    public var description: String {
        "prompt \(origin)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
