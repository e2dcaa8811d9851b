import EmbeddedModel
import Foundation
import HyPerAlign
import LanguageModels
import Logging

/// Opens the chat model the options describe — starting the embedded server when that is the provider,
/// and stopping it afterwards on every path — wrapped in the response cache and the token ledger.
struct ModelSession {
    var options: GlobalOptions
    let ledger = TokenLedger()

    /// The prompt templates of `Name`'s module, with the `--prompts`/`$HYPERALIGN_PROMPTS` overrides.
    func prompts<Name: PromptName>(_: Name.Type = PipelinePrompt.self) throws -> PromptCatalog<Name> {
        try PromptCatalog(overrides: (options.prompts ?? ProcessInfo.processInfo.environment["HYPERALIGN_PROMPTS"])
            .map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// Whether the embedded llama.cpp model is the provider (grammar-constrained, tiny).
    func usesEmbeddedModel() throws -> Bool {
        if let provider = options.provider { return provider == .embedded }
        return (try CLIConfigFile.load(explicit: options.config)?.provider ?? .embedded) == .embedded
    }

    /// Inference settings suited to the provider: evidence constrained to passages on the embedded model.
    func inferenceConfiguration(count: Int = 8) throws -> InferenceConfiguration {
        InferenceConfiguration(hypothesisCount: count, smallModelConstraints: try usesEmbeddedModel())
    }

    /// Generation settings suited to the provider: a repetition penalty for the small embedded model.
    func generationOptions(maxTokens: Int = 700) throws -> GenerationOptions {
        GenerationOptions(maxTokens: maxTokens, frequencyPenalty: try usesEmbeddedModel() ? 0.6 : nil)
    }

    func withModel<T: Sendable>(_ body: (AnyChatModel) async throws -> T) async throws -> T {
        let config = try CLIConfigFile.load(explicit: options.config)
        let environment = ProcessInfo.processInfo.environment
        let kind = options.provider ?? config?.provider ?? .embedded
        let timeout = Duration.seconds(options.timeout)
        var logger = Logger(label: "hyperalign")
        logger.logLevel = .error
        switch kind {
        case .embedded:
            let name = options.model ?? config?.model ?? EmbeddedModelSpec.default.name
            guard let spec = EmbeddedModelSpec.named(name) else {
                throw CLIFailure(
                    "unknown embedded model '\(name)'; choose one of: \(EmbeddedModelSpec.all.map(\.name).joined(separator: ", "))",
                    exitCode: .usage)
            }
            let configuration = LlamaServerConfiguration(model: spec, slots: options.slots, threads: options.threads)
            let ticker = options.ticker
            let quiet = options.quiet
            return try await EmbeddedModelServer.withServer(
                configuration, logger: logger,
                setupProgress: { progress in
                    if !quiet { SetupCommand.show(progress) }
                }
            ) { model, _ in
                _ = ticker
                return try await body(wrap(model))
            }
        case .openai:
            let keyVariable = config?.apiKeyEnv ?? "OPENAI_API_KEY"
            let baseURL = options.baseURL ?? config?.baseURL ?? environment["OPENAI_BASE_URL"] ?? "https://api.openai.com/v1"
            guard let name = options.model ?? config?.model ?? environment["OPENAI_MODEL"] else {
                throw CLIFailure("--provider openai needs --model (e.g. gpt-4o-mini, or the name your server uses)", exitCode: .usage)
            }
            let model = OpenAICompatibleModel(
                configuration: OpenAICompatibleConfiguration(
                    baseURL: baseURL, apiKey: environment[keyVariable], model: ModelID(name), timeout: timeout,
                    maxConcurrentRequests: max(options.slots, 4)),
                logger: logger)
            return try await body(wrap(model))
        case .anthropic:
            let keyVariable = config?.apiKeyEnv ?? "ANTHROPIC_API_KEY"
            guard let key = environment[keyVariable], !key.isEmpty else {
                throw CLIFailure("--provider anthropic needs an API key in $\(keyVariable)", exitCode: .usage)
            }
            let name = options.model ?? config?.model ?? "claude-sonnet-4-5"
            let model = AnthropicModel(
                configuration: AnthropicConfiguration(
                    baseURL: options.baseURL ?? config?.baseURL ?? environment["ANTHROPIC_BASE_URL"] ?? "https://api.anthropic.com",
                    apiKey: key, model: ModelID(name), timeout: timeout, maxConcurrentRequests: max(options.slots, 4)),
                logger: logger)
            return try await body(wrap(model))
        }
    }

    private func wrap(_ model: some ChatModel) throws -> AnyChatModel {
        let metered = MeteredChatModel(model, ledger: ledger)
        guard !options.noCache else { return AnyChatModel(metered) }
        let directory = EmbeddedPaths().root.appendingPathComponent("responses", isDirectory: true)
        return AnyChatModel(CachedChatModel(metered, cache: try ResponseCache(directory: directory)))
    }
}
