import LanguageModels

/// Plays Blocksworld with a chat model: the system prompt as the system message, environment turns as
/// user messages, the agent's own turns as assistant messages.
///
/// Stateless, so one value plays many episodes at once. `maxTokens` is nil by default: the released system
/// prompt invites step-by-step reasoning before the action, so replies are not capped (set it only for small
/// local models). `maxMessages` keeps the opening observation and the most recent turns when a small model's
/// context would otherwise overflow (nil keeps everything, as released; at least the opening is always kept). `temperature` is nil by default: the
/// provider's own default, as the released LangChain agent sets none.
public struct ChatBlocksworldAgent<Model: ChatModel>: BlocksworldAgent {
    public var model: Model
    public var temperature: Double?
    public var maxTokens: Int?
    public var maxMessages: Int?
    public var frequencyPenalty: Double?

    public init(model: Model, temperature: Double? = nil, maxTokens: Int? = nil, maxMessages: Int? = nil,
                frequencyPenalty: Double? = nil) {
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.maxMessages = maxMessages
        self.frequencyPenalty = frequencyPenalty
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        var turns = conversation.messages
        if let maxMessages = maxMessages.map({ max(1, $0) }), turns.count > maxMessages {
            // Keep the opening observation, then a suffix that starts with an environment message.
            var suffix = Array(turns.suffix(maxMessages - 1))
            if suffix.first?.role == .agent { suffix.removeFirst() }
            turns = [turns[0]] + suffix
        }
        var messages: [ChatMessage] = [.system(conversation.systemPrompt)]
        for turn in turns {
            messages.append(turn.role == .environment ? .user(turn.text) : .assistant(turn.text))
        }
        let request = ChatRequest(
            messages: messages, temperature: temperature, maxTokens: maxTokens, seed: messages.count,
            frequencyPenalty: frequencyPenalty)
        return try await model.complete(request).text
    }
}
