/// Where and how to reach the Anthropic Messages API.
public struct AnthropicConfiguration: Sendable {
    /// The base URL without the version path, e.g. `https://api.anthropic.com`.
    public var baseURL: String
    /// Sent as `x-api-key`; never logged.
    public var apiKey: String
    public var model: ModelID
    /// The API requires `max_tokens`; used when a request leaves it unset.
    public var defaultMaxTokens: Int
    public var apiVersion: String
    public var timeout: Duration
    public var streamTimeout: Duration
    public var retry: RetryPolicy
    public var maxConcurrentRequests: Int

    public init(
        baseURL: String = "https://api.anthropic.com",
        apiKey: String,
        model: ModelID,
        defaultMaxTokens: Int = 1024,
        apiVersion: String = "2023-06-01",
        timeout: Duration = .seconds(120),
        streamTimeout: Duration = .seconds(600),
        retry: RetryPolicy = RetryPolicy(),
        maxConcurrentRequests: Int = 4
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.model = model
        self.defaultMaxTokens = defaultMaxTokens
        self.apiVersion = apiVersion
        self.timeout = timeout
        self.streamTimeout = streamTimeout
        self.retry = retry
        self.maxConcurrentRequests = maxConcurrentRequests
    }
}
