import Foundation
import HyPerAlign
import Hummingbird
import LanguageModels
import Logging
import ProfileStorage
import ServiceLifecycle
import UnixSignals

/// The HyPerAlign HTTP service: a tenant's users, texts and hypotheses as resources, personalized
/// generation, and an OpenAI-compatible `/v1/chat/completions` that personalizes by the request's user.
///
/// ```swift
/// let service = HyPerAlignService(store: try SQLiteProfileStore(path: "store.sqlite"), model: AnyChatModel(model))
/// try await service.run()   // until SIGTERM/SIGINT, then a graceful shutdown
/// ```
public struct HyPerAlignService: Sendable {
    public let configuration: ServiceConfiguration
    public let store: any ServiceStore
    public let model: AnyChatModel
    public let metrics: ServiceMetrics
    public let logger: Logger
    let jobs: InferenceJobQueue
    let assembler: PromptAssembler
    /// The forwarder of `/v1/chat/completions`, when ``ServiceConfiguration/proxy`` names an upstream.
    let proxy: ChatProxy?
    let personalizer: Personalizer
    let startedAt = Int(Date().timeIntervalSince1970)

    public init(
        configuration: ServiceConfiguration = .init(), store: any ServiceStore, model: AnyChatModel,
        prompts: PromptLibrary = .standard(), metrics: ServiceMetrics = ServiceMetrics(),
        logger: Logger = Logger(label: "hyperalign.service")
    ) {
        self.configuration = configuration
        self.store = store
        self.model = model
        self.metrics = metrics
        self.logger = logger
        self.assembler = PromptAssembler(prompts: prompts)
        self.proxy = configuration.proxy.map { ChatProxy(configuration: $0, metrics: metrics, logger: logger) }
        self.personalizer = Personalizer(store: store, configuration: configuration.personalization)
        self.jobs = InferenceJobQueue(store: store, model: model, configuration: configuration, metrics: metrics, logger: logger)
    }

    /// Proxied chat requests holding an upstream permit and waiting for one; nil when not proxying.
    public var proxyUsage: (inUse: Int, waiting: Int)? { proxy?.permits.usage }

    /// Every route: operational ones open, `/v1/…` behind API keys and the per-key rate limit.
    public func makeRouter() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: ObservabilityMiddleware(metrics: metrics))
        OperationalRoutes(service: self).add(to: router)
        let v1 = router.group("v1")
            .add(middleware: APIKeyMiddleware(keys: store))
            .add(middleware: RateLimitMiddleware(limit: configuration.rateLimit))
        UserRoutes(service: self).add(to: v1)
        HypothesisRoutes(service: self).add(to: v1)
        GenerationRoutes(service: self).add(to: v1)
        ChatCompletionRoutes(service: self).add(to: v1)
        return router
    }

    /// The Hummingbird application with the job queue attached (it runs and shuts down with the server).
    public func makeApplication(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hyperalign"),
            services: [jobs],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: stops accepting connections, finishes
    /// in-flight requests and running inference jobs, then stops `alongside` (e.g. the PostgreSQL pool).
    public func run(alongside: [any Service] = [], onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        let app = makeApplication(onServerRunning: onServerRunning)
        let group = ServiceGroup(configuration: .init(
            services: alongside.map { .init(service: $0) } + [.init(service: app)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The user or a 404 (also for another tenant's user: tenants cannot probe each other's ids).
    func profile(_ id: String, tenant: TenantID) async throws -> UserProfile {
        guard let profile = try await store.profile(id, tenant: tenant) else {
            throw ServiceError.notFound("no user '\(id)'", code: "user_not_found")
        }
        return profile
    }
}
