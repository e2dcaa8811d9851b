/// Why generation stopped, normalised across providers (`end_turn` and `stop` are both `.stop`).
public struct FinishReason: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let stop = FinishReason(rawValue: "stop")
    public static let length = FinishReason(rawValue: "length")
    public static let contentFilter = FinishReason(rawValue: "content_filter")

    public var description: String { rawValue }
}

/// Tokens spent by one call, as the provider reported them.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int { promptTokens + completionTokens }

    public init(promptTokens: Int = 0, completionTokens: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens
        )
    }
}

/// A finished completion: the text plus what it cost and how long it took.
public struct ChatResponse: Sendable, Hashable, Codable {
    public var text: String
    public var finishReason: FinishReason?
    public var usage: TokenUsage
    /// Wall-clock time of the call that produced it (from a cache: as measured when the call was made).
    public var latency: Duration
    public var model: ModelID

    public init(
        text: String, finishReason: FinishReason?, usage: TokenUsage, latency: Duration, model: ModelID
    ) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
        self.latency = latency
        self.model = model
    }
}

/// A piece of a streamed completion. The last delta carries the finish reason and, when known, the usage.
public struct ChatDelta: Sendable, Hashable {
    public var text: String
    public var finishReason: FinishReason?
    public var usage: TokenUsage?

    public init(text: String, finishReason: FinishReason? = nil, usage: TokenUsage? = nil) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
    }
}
