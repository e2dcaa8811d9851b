/// One turn of a conversation, in the OpenAI chat shape every provider translates from.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who speaks. `system` carries instructions; providers that keep it apart (Anthropic) lift it out.
    public enum Role: String, Sendable, Hashable, Codable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: .system, content: content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: .user, content: content) }
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: .assistant, content: content) }
}
