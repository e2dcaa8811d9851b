/// A provider-neutral chat request.
///
/// Parameters left `nil` take the provider's default, so one request value works against every backend.
public struct ChatRequest: Sendable, Hashable, Codable {
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var maxTokens: Int?
    public var topP: Double?
    public var seed: Int?
    public var stop: [String]
    /// Penalises tokens by how often they already occurred (OpenAI semantics; ignored by Anthropic).
    /// Small local models loop without it.
    public var frequencyPenalty: Double?
    public var presencePenalty: Double?
    public var responseFormat: ResponseFormat

    public init(
        messages: [ChatMessage],
        temperature: Double? = nil,
        maxTokens: Int? = nil,
        topP: Double? = nil,
        seed: Int? = nil,
        stop: [String] = [],
        frequencyPenalty: Double? = nil,
        presencePenalty: Double? = nil,
        responseFormat: ResponseFormat = .text
    ) {
        self.frequencyPenalty = frequencyPenalty
        self.presencePenalty = presencePenalty
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.topP = topP
        self.seed = seed
        self.stop = stop
        self.responseFormat = responseFormat
    }
}
