import HyPerAlign

/// The service's settings with safe defaults: where it listens, how large requests may be, how fast a key
/// may call, and how the pipeline runs.
public struct ServiceConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests, benchmarks); the bound port is reported through `onServerRunning`.
    public var port: Int
    /// The largest request body, in bytes.
    public var maxBodyBytes: Int
    /// The most texts one user may have.
    public var maxTextsPerUser: Int
    /// The longest single text, in characters.
    public var maxTextCharacters: Int
    /// Sustained requests per second per API key, and the burst allowed above it.
    public var rateLimit: RateLimit
    /// How hypotheses are inferred for re-inference jobs.
    public var inference: InferenceConfiguration
    /// How the personalized-generation resource samples.
    public var generation: GenerationOptions
    /// The most inference jobs run at once (each holds an upstream slot for a long time). Jobs have this
    /// limit of their own; proxied chat traffic is limited by ``ChatProxyConfiguration/maxConcurrentRequests``.
    public var maxConcurrentJobs: Int
    /// How long a finished job's status stays readable.
    public var finishedJobRetention: Duration
    /// The OpenAI-compatible upstream `/v1/chat/completions` proxies to; nil translates requests for
    /// the service's model instead (a provider that does not speak OpenAI's wire format).
    public var proxy: ChatProxyConfiguration?
    /// Which user a chat request personalizes for, and how much is sent.
    public var personalization: PersonalizationConfiguration

    public struct RateLimit: Sendable, Hashable {
        public var requestsPerSecond: Double
        public var burst: Int
        public init(requestsPerSecond: Double, burst: Int) {
            self.requestsPerSecond = requestsPerSecond
            self.burst = burst
        }
        /// No limit at all (benchmarks).
        public static let unlimited = RateLimit(requestsPerSecond: .infinity, burst: .max)
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, maxTextsPerUser: Int = 500,
        maxTextCharacters: Int = 20_000, rateLimit: RateLimit = .init(requestsPerSecond: 20, burst: 40),
        inference: InferenceConfiguration = .init(), generation: GenerationOptions = .init(),
        maxConcurrentJobs: Int = 2, finishedJobRetention: Duration = .seconds(3600), proxy: ChatProxyConfiguration? = nil,
        personalization: PersonalizationConfiguration = .init()
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxTextsPerUser = maxTextsPerUser
        self.maxTextCharacters = maxTextCharacters
        self.rateLimit = rateLimit
        self.inference = inference
        self.generation = generation
        self.maxConcurrentJobs = maxConcurrentJobs
        self.finishedJobRetention = finishedJobRetention
        self.proxy = proxy
        self.personalization = personalization
    }
}
