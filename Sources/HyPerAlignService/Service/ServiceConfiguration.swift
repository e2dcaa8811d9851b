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
    /// Sustained requests per second per tenant (all its keys together), and the burst allowed above it.
    /// Shared by every replica when the store is PostgreSQL; per process with SQLite or in memory.
    public var rateLimit: RateLimit
    /// Requests per second per client address, checked before the API key (so a flood of bad keys is
    /// turned away before it costs a store lookup). Per process.
    public var addressRateLimit: RateLimit
    /// How long a key's lookup (found, unknown or revoked) is remembered: a revoked key stops working on
    /// every replica within this time, and a flood of one bad key costs one store lookup per period.
    public var keyCacheLifetime: Duration
    /// The most unknown keys remembered; beyond it the oldest half is forgotten.
    public var unknownKeyCacheLimit: Int
    /// How hypotheses are inferred for re-inference jobs.
    public var inference: InferenceConfiguration
    /// How the personalized-generation resource samples.
    public var generation: GenerationOptions
    /// The most inference jobs run at once (each holds an upstream slot for a long time). Jobs have this
    /// limit of their own; proxied chat traffic is limited by ``ChatProxyConfiguration/maxConcurrentRequests``.
    public var maxConcurrentJobs: Int
    /// How long a finished job's status stays readable.
    public var finishedJobRetention: Duration
    /// The most queued (not yet running) inference jobs one tenant may have; beyond, a 429 `job_queue_full`.
    public var maxQueuedJobsPerTenant: Int
    /// How long a replica holds a job it runs without renewing (it renews every third of it); after a
    /// replica dies, its jobs are taken over by another this long after its last renewal.
    public var jobLease: Duration
    /// How often an idle replica looks for queued jobs (others' and ones whose worker died); jobs accepted
    /// by this replica start at once.
    public var jobPollInterval: Duration
    /// How many times a job is started before it is failed (its workers kept dying on it).
    public var jobMaxAttempts: Int
    /// On a graceful shutdown, how long running jobs may take to finish before they are handed back to
    /// the queue for another replica (or the next start).
    public var jobShutdownGrace: Duration
    /// The OpenAI-compatible upstream `/v1/chat/completions` proxies to; nil translates requests for
    /// the service's model instead (a provider that does not speak OpenAI's wire format).
    public var proxy: ChatProxyConfiguration?
    /// Which user a chat request personalizes for, and how much is sent.
    public var personalization: PersonalizationConfiguration
    /// The person's own page and the links to it (`/me/{token}`, `POST /v1/users/{id}/links`).
    public var personPage = PersonPageConfiguration()

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
        personalization: PersonalizationConfiguration = .init(),
        addressRateLimit: RateLimit = .init(requestsPerSecond: 200, burst: 400), keyCacheLifetime: Duration = .seconds(5),
        unknownKeyCacheLimit: Int = 10_000, maxQueuedJobsPerTenant: Int = 100, jobLease: Duration = .seconds(30),
        jobPollInterval: Duration = .seconds(1), jobMaxAttempts: Int = 5, jobShutdownGrace: Duration = .seconds(10)
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
        self.addressRateLimit = addressRateLimit
        self.keyCacheLifetime = keyCacheLifetime
        self.unknownKeyCacheLimit = unknownKeyCacheLimit
        self.maxQueuedJobsPerTenant = maxQueuedJobsPerTenant
        self.jobLease = jobLease
        self.jobPollInterval = jobPollInterval
        self.jobMaxAttempts = jobMaxAttempts
        self.jobShutdownGrace = jobShutdownGrace
    }
}
