import Foundation
import HyPerAlign
import HyPerAlignService
import LanguageModels
import Logging
import ProfileStorage
import ServiceLifecycle

/// The service running inside the calling process on a free loopback port, with an API key per tenant,
/// for as long as `body` runs; then shut down gracefully. The one harness of the route tests and the
/// service benchmarks: real HTTP on 127.0.0.1, no mocked transport.
package enum InProcessService {
    /// The running service: where it listens and each tenant's API key.
    package struct Handle: Sendable {
        package var port: Int
        /// The API key of each tenant, in the order the tenants were given.
        package var keys: [String]
        package var service: HyPerAlignService
        /// The first tenant's key.
        package var key: String { keys[0] }
        package var baseURL: String { "http://127.0.0.1:\(port)" }
    }

    /// Runs `service` (whose store is `store`) with a fresh API key for each of `tenants` while `body` runs.
    package static func run<T: Sendable>(
        _ service: HyPerAlignService, store: any ServiceStore, tenants: [TenantID], logger: Logger,
        _ body: @Sendable (Handle) async throws -> T
    ) async throws -> T {
        var keys: [String] = []
        for tenant in tenants {
            let key = APIKey.generate()
            try await store.saveAPIKey(APIKeyRecord(key: key, tenant: tenant))
            keys.append(key.secret)
        }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = service.makeApplication { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let issued = keys
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body(Handle(port: port, keys: issued, service: service))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// The benchmarks' service: proxying to `upstreamBaseURL` (an OpenAI-compatible API) like
    /// `hyperalign serve`, one tenant `bench` whose `user` field names the user, so wrk's fixed body can ask
    /// for personalization.
    package static func run<T: Sendable>(
        store: any ServiceStore, upstreamBaseURL: String, upstreamTimeout: Duration = .seconds(10),
        logLevel: Logger.Level = .error, _ body: @Sendable (Handle) async throws -> T
    ) async throws -> T {
        let model = OpenAICompatibleModel(configuration: .init(
            baseURL: upstreamBaseURL, model: "bench", timeout: upstreamTimeout, streamTimeout: upstreamTimeout,
            retry: .none, maxConcurrentRequests: 256))
        var logger = Logger(label: "hyperalign.bench.service")
        logger.logLevel = logLevel
        let configuration = ServiceConfiguration(
            port: 0, rateLimit: .unlimited, proxy: ChatProxyConfiguration(upstream: model.configuration),
            personalization: PersonalizationConfiguration(userFieldTenants: ["bench"]), addressRateLimit: .unlimited)
        let service = HyPerAlignService(configuration: configuration, store: store, model: AnyChatModel(model), logger: logger)
        return try await run(service, store: store, tenants: ["bench"], logger: logger, body)
    }

    /// A user `ann` with texts and one hypothesis, so proxied requests take the personalizing path.
    package static func seedPersonalizedUser(_ store: any ServiceStore) async throws {
        let profile = try await store.saveProfile(
            UserProfile(id: "ann", texts: [UserText(id: "t1", text: "Short notes. Cheers, Ann.")]), tenant: "bench")
        _ = try await store.saveHypothesisSet(HypothesisSet(
            userID: "ann", hypotheses: [Hypothesis(category: .style, statement: "Signs off with 'Cheers'.", evidence: ["Cheers, Ann."])],
            attributes: InferredAttributes(typicalLengthWords: 4),
            provenance: HypothesisProvenance(model: "m", promptVersion: "p", textsHash: profile.textsHash, textCount: 1)),
            tenant: "bench", expectedRevision: nil)
    }
}
