/// What the user asked for on the command line; `nil` means "not given", so the config file, then the
/// environment, then the defaults decide (``ProviderChoice/resolve(_:file:environment:)``).
public struct ProviderRequest: Sendable, Hashable {
    public var provider: ProviderKind?
    public var model: String?
    public var baseURL: String?
    /// How long to wait for one answer before retrying.
    public var timeout: Duration
    /// Parallel requests: the embedded server's slots, a hosted API's concurrency floor.
    public var slots: Int
    /// The embedded server's CPU threads (nil: automatic).
    public var threads: Int?

    /// A request; everything not given is left to the config file, the environment and the defaults.
    public init(
        provider: ProviderKind? = nil, model: String? = nil, baseURL: String? = nil, timeout: Duration = .seconds(300),
        slots: Int = 1, threads: Int? = nil
    ) {
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.timeout = timeout
        self.slots = slots
        self.threads = threads
    }
}
