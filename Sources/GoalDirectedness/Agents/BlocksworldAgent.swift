/// What is evaluated: anything that reads the conversation so far and writes its next message.
///
/// A language-model adapter implements it in a few lines, statelessly:
/// ```swift
/// struct ChatAgent: BlocksworldAgent {
///     let model: any ChatModel
///     func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
///         var messages = [ChatMessage.system(conversation.systemPrompt)]
///         for message in conversation.messages {
///             messages.append(message.role == .environment ? .user(message.text) : .assistant(message.text))
///         }
///         return try await model.complete(ChatRequest(messages: messages)).text
///     }
/// }
/// ```
/// The environment acts on the last `<...>` in the reply (as released), so free reasoning before it is fine.
/// Being stateless, one agent value can play many episodes concurrently.
public protocol BlocksworldAgent: Sendable {
    /// The agent's next message. The last message of `conversation` is always from the environment.
    /// - Throws: anything; the runner reports it as `GoalDirectednessError.agentFailed` and records nothing.
    func nextMessage(in conversation: BlocksworldConversation) async throws -> String
}
