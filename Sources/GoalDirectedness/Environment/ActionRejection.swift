/// Why the environment refused an action; `message` is shown to the agent verbatim.
public struct ActionRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Whether the environment should follow the message with the description of the actions.
    public var showsInterface: Bool

    public init(_ message: String, showsInterface: Bool = false) {
        self.message = message
        self.showsInterface = showsInterface
    }

    public var description: String { message }
}
