/// The episode so far, as the agent may see it.
public struct BlocksworldConversation: Sendable, Hashable, Codable {
    public var systemPrompt: String
    /// Alternating environment and agent messages, starting with the environment's opening observation.
    public var messages: [BlocksworldMessage]
    /// A structured copy of what the system prompt states, for scripted agents; adapters ignore it.
    public var briefing: TaskBriefing

    public init(systemPrompt: String, messages: [BlocksworldMessage], briefing: TaskBriefing) {
        self.systemPrompt = systemPrompt
        self.messages = messages
        self.briefing = briefing
    }

    /// The structured feedback of every environment message, oldest first.
    public var feedback: [EnvironmentFeedback] { messages.compactMap(\.feedback) }

    /// The world as the last observation described it.
    public var currentWorld: World { feedback.last?.world ?? World(blocks: briefing.blocks) }
}

/// One turn of the conversation.
public struct BlocksworldMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case environment
        case agent
    }

    public var role: Role
    public var text: String
    /// Present on environment messages.
    public var feedback: EnvironmentFeedback?

    public init(role: Role, text: String, feedback: EnvironmentFeedback? = nil) {
        self.role = role
        self.text = text
        self.feedback = feedback
    }
}
