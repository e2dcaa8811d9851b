/// Where and how to reach an OpenAI-compatible chat completions endpoint: OpenAI itself, vLLM, Ollama,
/// LM Studio, llama.cpp's server or a hosted gateway — they differ only in these values.
public struct OpenAICompatibleConfiguration: Sendable {
    /// How the backend wants a JSON schema constraint expressed.
    public enum StructuredOutputDialect: String, Sendable, CaseIterable {
        /// `response_format: {type: json_schema, …}` (OpenAI, vLLM, LM Studio, recent Ollama).
        case responseFormat = "response-format"
        /// llama.cpp's server: `response_format` plus the top-level `json_schema` its grammar engine reads.
        case llamaCpp = "llama-cpp"
        /// Ollama: `format` carrying the schema.
        case ollama
    }

    /// The base URL including the version path, e.g. `https://api.openai.com/v1`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer …`; never logged.
    public var apiKey: String?
    public var model: ModelID
    public var timeout: Duration
    public var streamTimeout: Duration
    public var retry: RetryPolicy
    public var maxConcurrentRequests: Int
    public var structuredOutput: StructuredOutputDialect
    /// Extra headers for gateways (e.g. `OpenAI-Organization`).
    public var extraHeaders: [String: String]

    public init(
        baseURL: String,
        apiKey: String? = nil,
        model: ModelID,
        timeout: Duration = .seconds(120),
        streamTimeout: Duration = .seconds(600),
        retry: RetryPolicy = RetryPolicy(),
        maxConcurrentRequests: Int = 4,
        structuredOutput: StructuredOutputDialect = .responseFormat,
        extraHeaders: [String: String] = [:]
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.model = model
        self.timeout = timeout
        self.streamTimeout = streamTimeout
        self.retry = retry
        self.maxConcurrentRequests = maxConcurrentRequests
        self.structuredOutput = structuredOutput
        self.extraHeaders = extraHeaders
    }
}
