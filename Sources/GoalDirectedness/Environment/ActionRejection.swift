/// Why the environment refused an action; `message` is shown to the agent verbatim.
public struct ActionRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
