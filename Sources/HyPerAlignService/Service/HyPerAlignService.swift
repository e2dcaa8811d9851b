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
    /// Recent API key lookups (found, unknown, revoked), shared by every request of this service.
    let keyCache: APIKeyCache
    /// Each tenant's request budget: in the store when it is shared (PostgreSQL), else in this process.
    let tenantBudget: RequestBudget
    /// Each client address's request budget, checked before the API key.
    let addressBudget: RequestBudget
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
        self.personalizer = Personalizer(store: store, configuration: configuration.personalization, logger: logger)
        self.jobs = InferenceJobQueue(store: store, model: model, configuration: configuration, metrics: metrics, logger: logger)
        self.keyCache = APIKeyCache(lifetime: configuration.keyCacheLifetime, negativeLimit: configuration.unknownKeyCacheLimit)
        if let shared = store as? any RateLimitStore {
            self.tenantBudget = .shared(configuration.rateLimit, store: shared)
        } else {
            self.tenantBudget = .local(configuration.rateLimit)
        }
        self.addressBudget = .local(configuration.addressRateLimit)
    }

    /// Proxied chat requests holding an upstream permit and waiting for one; nil when not proxying.
    public var proxyUsage: (inUse: Int, waiting: Int)? { proxy?.permits.usage }

    /// Every route: operational ones open, `/v1/…` behind the per-address limit, API keys and the
    /// per-tenant limit.
    public func makeRouter() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        let routes = RouteTable()
        router.add(middleware: ObservabilityMiddleware(metrics: metrics))
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
        OperationalRoutes(service: self).add(to: router)
        let v1 = router.group("v1")
            .add(middleware: AddressRateLimitMiddleware(budget: addressBudget))
            .add(middleware: APIKeyMiddleware(keys: store, cache: keyCache))
            .add(middleware: RateLimitMiddleware(budget: tenantBudget))
        UserRoutes(service: self).add(to: v1)
        HypothesisRoutes(service: self).add(to: v1)
        GenerationRoutes(service: self).add(to: v1)
        ChatCompletionRoutes(service: self).add(to: v1)
        // The person's own page: reached by a signed link instead of a key, limited per address.
        let personLinks = PersonLinks(store: store, configuration: configuration.personPage)
        PersonLinkRoutes(service: self, links: personLinks).add(to: v1)
        PersonPageRoutes(service: self, links: personLinks)
            .add(to: router.group("me").add(middleware: AddressRateLimitMiddleware(budget: addressBudget)))
        routes.record(router)  // last: every route above answers its path's 405s
        return router
    }

    /// The Hummingbird application with the job queue and the personalization change watcher attached (they
    /// run and shut down with the server).
    public func makeApplication(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var services: [any Service] = [jobs]
        if let watcher = personalizer.watcher { services.append(watcher) }
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "hyperalign"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: stops accepting connections, finishes
    /// in-flight requests, lets running inference jobs finish within their grace period and hands the rest
    /// back to the store's queue, then stops `alongside` (e.g. the PostgreSQL pool).
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
