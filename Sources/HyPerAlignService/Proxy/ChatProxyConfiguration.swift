import LanguageModels

/// Where `/v1/chat/completions` forwards to when the service fronts an OpenAI-compatible upstream
/// (OpenAI, vLLM, Ollama, llama.cpp's server, a gateway), and how.
///
/// The client's `model` is forwarded as sent unless ``modelMap`` names it; a request without a model
/// gets ``defaultModel``. Nothing else about the request is chosen here.
public struct ChatProxyConfiguration: Sendable {
    /// The upstream's base URL including the version path, e.g. `https://api.openai.com/v1`.
    public var baseURL: String
    /// The service's own upstream key, sent as `Authorization: Bearer …` (the caller's key never is).
    public var apiKey: String?
    /// Extra headers for the upstream (e.g. `OpenAI-Organization`).
    public var extraHeaders: [String: String]
    /// Client model name → upstream model name, for explicitly configured aliases.
    public var modelMap: [String: String]
    /// The model for requests that name none.
    public var defaultModel: String?
    /// The most proxied requests in flight upstream at once (a stream counts until it ends). This is the
    /// proxy's own limit, independent of the embedded model's slots and of inference jobs.
    public var maxConcurrentRequests: Int
    /// How long a non-streamed answer may take.
    public var timeout: Duration
    /// How long a streamed answer may take, from request to last event.
    public var streamTimeout: Duration
    /// The largest non-streamed upstream body relayed.
    public var maxResponseBytes: Int

    public init(
        baseURL: String, apiKey: String? = nil, extraHeaders: [String: String] = [:], modelMap: [String: String] = [:],
        defaultModel: String? = nil, maxConcurrentRequests: Int = 1024, timeout: Duration = .seconds(300),
        streamTimeout: Duration = .seconds(1800), maxResponseBytes: Int = 64 << 20
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.extraHeaders = extraHeaders
        self.modelMap = modelMap
        self.defaultModel = defaultModel
        self.maxConcurrentRequests = maxConcurrentRequests
        self.timeout = timeout
        self.streamTimeout = streamTimeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// The same upstream a provider talks to: its URL, key, headers and timeouts, its model as the default.
    public init(upstream: OpenAICompatibleConfiguration, modelMap: [String: String] = [:], maxConcurrentRequests: Int = 1024) {
        self.init(
            baseURL: upstream.baseURL, apiKey: upstream.apiKey, extraHeaders: upstream.extraHeaders, modelMap: modelMap,
            defaultModel: upstream.model.rawValue, maxConcurrentRequests: maxConcurrentRequests, timeout: upstream.timeout,
            streamTimeout: upstream.streamTimeout)
    }

    /// The model to send upstream for a client's `model`, or nil to leave the body's own.
    func upstreamModel(for requested: String?) -> String? {
        guard let requested else { return defaultModel }
        return modelMap[requested]
    }
}
