import ArgumentParser
import Foundation
import HyPerAlign
import HyPerAlignService
import LanguageModels
import Logging
import ProfileStorage

/// `hyperalign serve`: the HTTP service over a SQLite or PostgreSQL store and the chosen model provider.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service (OpenAI-compatible /v1/chat/completions, users, hypotheses).",
        discussion: """
            --store takes sqlite:PATH (the default store file) or postgres://user[:password]@host:port/database. \
            Create keys with `hyperalign keys create --tenant NAME` against the same store. SIGTERM or SIGINT \
            shuts down gracefully. The OpenAPI document is at /openapi.json, metrics at /metrics. With an \
            OpenAI-compatible provider (openai, embedded) /v1/chat/completions is a pass-through proxy that only \
            adds the hypotheses of the user named by X-HyPerAlign-User (or by the `user` field, for tenants given \
            to --user-field-tenant).
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port, printed on start).") var port = 8080
    @Option(name: .customLong("rate-limit"), help: "Requests per second per tenant, all its keys together (0: unlimited). Shared by all replicas on PostgreSQL; per process on SQLite.") var rateLimit = 20.0
    @Option(help: "Requests a tenant may burst above the rate.") var burst = 40
    @Option(name: .customLong("address-rate-limit"), help: "Requests per second per client address, checked before the API key (0: unlimited; per process).")
    var addressRateLimit = 200.0
    @Option(name: .customLong("address-burst"), help: "Requests an address may burst above its rate.") var addressBurst = 400
    @Option(name: .customLong("key-cache-seconds"), help: "How long key lookups are remembered; a revoked key works at most this long on any replica.")
    var keyCacheSeconds = 5.0
    @Option(name: .customLong("max-queued-jobs"), help: "Most queued inference jobs per tenant (beyond: 429 job_queue_full).")
    var maxQueuedJobs = 100
    @Option(name: .customLong("job-lease-seconds"), help: "How long a replica holds a running job between renewals; a dead replica's jobs are taken over after this.")
    var jobLeaseSeconds = 30.0
    @Option(name: .customLong("job-poll-seconds"), help: "How often an idle replica looks for queued jobs.") var jobPollSeconds = 1.0
    @Option(name: .customLong("job-shutdown-grace-seconds"), help: "On shutdown, how long running jobs may finish before they are handed back to the queue.")
    var jobShutdownGraceSeconds = 10.0
    @Option(name: .customLong("max-body-bytes"), help: "Largest request body.") var maxBodyBytes = 1 << 20
    @Option(name: .customLong("max-texts"), help: "Most texts per user.") var maxTexts = 500
    @Flag(name: .customLong("event-loop-executor"), help: "Run Swift concurrency on the I/O event loops: fewer thread switches per request, but one slow step stalls every connection of its loop (idle A/B in README: p99 about twice the default's).")
    var eventLoopExecutor = false
    @Option(name: .customLong("log-format"), help: "text or json (one JSON object per line).") var logFormat = "text"
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(name: .customLong("model-map"), help: "CLIENT=UPSTREAM: send this upstream model when a client asks for CLIENT (repeatable; other names pass as sent).")
    var modelMap: [String] = []
    @Option(name: .customLong("user-field-tenant"), help: "A tenant whose requests' OpenAI `user` field names the HyPerAlign user (repeatable; * for all). Otherwise only X-HyPerAlign-User does.")
    var userFieldTenants: [String] = []
    @Option(name: .customLong("max-upstream-requests"), help: "Most proxied chat requests in flight upstream at once (streams count until they end).")
    var maxUpstreamRequests = 1024
    @Option(name: .customLong("public-url"), help: "Where people reach this service, for the links `users link` and POST /v1/users/{id}/links make (default: the address the request came to).")
    var publicURL: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format must be text or json") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level '\(logLevel)'") }
        guard modelMap.allSatisfy({ $0.split(separator: "=").count == 2 }) else {
            throw ValidationError("--model-map takes CLIENT=UPSTREAM")
        }
        guard maxUpstreamRequests >= 1 else { throw ValidationError("--max-upstream-requests must be at least 1") }
        guard rateLimit >= 0, burst >= 1, maxBodyBytes >= 1024, maxTexts >= 1 else {
            throw ValidationError("--rate-limit ≥ 0, --burst ≥ 1, --max-body-bytes ≥ 1024, --max-texts ≥ 1")
        }
        guard addressRateLimit >= 0, addressBurst >= 1, keyCacheSeconds >= 0, maxQueuedJobs >= 1 else {
            throw ValidationError("--address-rate-limit ≥ 0, --address-burst ≥ 1, --key-cache-seconds ≥ 0, --max-queued-jobs ≥ 1")
        }
        guard jobLeaseSeconds >= 0.3, jobPollSeconds > 0, jobShutdownGraceSeconds >= 0 else {
            throw ValidationError("--job-lease-seconds ≥ 0.3, --job-poll-seconds > 0, --job-shutdown-grace-seconds ≥ 0")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let json = logFormat == "json"
        if eventLoopExecutor { EventLoopConcurrency.install() }
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : TextLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "hyperalign.service")
        let location = try StoreLocation(global.storePath)
        var options = global
        options.noCache = true  // a proxy answers every request afresh
        let session = ModelSession(options: options)
        let embedded = try session.usesEmbeddedModel()
        var configuration = ServiceConfiguration(
            host: host, port: port, maxBodyBytes: maxBodyBytes, maxTextsPerUser: maxTexts,
            rateLimit: rateLimit == 0 ? .unlimited : .init(requestsPerSecond: rateLimit, burst: burst),
            inference: try session.inferenceConfiguration(), generation: try session.generationOptions())
        configuration.maxConcurrentJobs = embedded ? 1 : 2
        configuration.addressRateLimit = addressRateLimit == 0
            ? .unlimited : .init(requestsPerSecond: addressRateLimit, burst: addressBurst)
        configuration.keyCacheLifetime = .milliseconds(Int(keyCacheSeconds * 1000))
        configuration.maxQueuedJobsPerTenant = maxQueuedJobs
        configuration.jobLease = .milliseconds(Int(jobLeaseSeconds * 1000))
        configuration.jobPollInterval = .milliseconds(Int(jobPollSeconds * 1000))
        configuration.jobShutdownGrace = .milliseconds(Int(jobShutdownGraceSeconds * 1000))
        configuration.personPage = PersonPageConfiguration(
            publicBaseURL: publicURL, linkSecret: try PersonPageConfiguration.secretFromEnvironment())
        configuration.personalization = PersonalizationConfiguration(
            userFieldTenants: Set(userFieldTenants.filter { $0 != "*" }.map { TenantID($0) }),
            userFieldForAllTenants: userFieldTenants.contains("*"))
        let mapping = Dictionary(modelMap.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }, uniquingKeysWith: { _, last in last })
        let prompts = try session.prompts()
        let maxUpstreamRequests = self.maxUpstreamRequests
        let baseConfiguration = configuration
        try await session.withModel { model in
            var proxied = baseConfiguration
            // An OpenAI-compatible upstream (a hosted API, or the embedded llama.cpp server) is proxied.
            if let upstream = Self.openAICompatible(model) {
                proxied.proxy = ChatProxyConfiguration(
                    upstream: upstream, modelMap: mapping, maxConcurrentRequests: maxUpstreamRequests)
            }
            let finalConfiguration = proxied
            try await location.withStore(logger: logger) { store in
                let service = HyPerAlignService(
                    configuration: finalConfiguration, store: store, model: model, prompts: prompts, logger: logger)
                try await service.run { port in
                    logger.notice("serving", metadata: [
                        "address": "http://\(finalConfiguration.host):\(port)", "store": "\(location.description)",
                        "model": "\(model.modelID)", "proxy": "\(finalConfiguration.proxy != nil)",
                    ])
                    Console.out("hyperalign serving on http://\(finalConfiguration.host):\(port)")
                }
            }
        }
    }

    /// The OpenAI-compatible endpoint behind the session's model, if that is what it is.
    static func openAICompatible(_ model: AnyChatModel) -> OpenAICompatibleConfiguration? {
        if let metered = model.base as? MeteredChatModel<OpenAICompatibleModel> { return metered.base.configuration }
        return (model.base as? OpenAICompatibleModel)?.configuration
    }
}
