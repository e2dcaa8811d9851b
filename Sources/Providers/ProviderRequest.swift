/// What the user asked for on the command line; `nil` means "not given", so the config file, then the
/// environment, then the defaults decide (``ProviderChoice/resolve(_:file:environment:)``).
package struct ProviderRequest: Sendable, Hashable {
    package var provider: ProviderKind?
    package var model: String?
    package var baseURL: String?
    /// How long to wait for one answer before retrying.
    package var timeout: Duration
    /// Parallel requests: the embedded server's slots, a hosted API's concurrency floor.
    package var slots: Int
    /// The embedded server's CPU threads (nil: automatic).
    package var threads: Int?

    /// A request; everything not given is left to the config file, the environment and the defaults.
    package init(
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
