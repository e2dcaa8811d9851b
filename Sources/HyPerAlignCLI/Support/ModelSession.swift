import EmbeddedModel
import Foundation
import HyPerAlign
import LanguageModels
import Logging
import Providers

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
        ProviderChoice.kind(request, file: try ProviderConfigFile.load(explicit: options.config)) == .embedded
    }

    /// Inference settings suited to the provider: evidence constrained to passages on the embedded model.
    func inferenceConfiguration(count: Int = 8) throws -> InferenceConfiguration {
        InferenceConfiguration(hypothesisCount: count, smallModelConstraints: try usesEmbeddedModel())
    }

    /// Generation settings suited to the provider: a repetition penalty for the small embedded model.
    func generationOptions(maxTokens: Int = 700) throws -> GenerationOptions {
        GenerationOptions(maxTokens: maxTokens, frequencyPenalty: try usesEmbeddedModel() ? 0.6 : nil)
    }

    /// What the command line asks for; the config file and environment fill in the rest.
    var request: ProviderRequest {
        ProviderRequest(
            provider: options.provider, model: options.model,
            baseURL: options.baseURL, timeout: .seconds(options.timeout), slots: options.slots, threads: options.threads)
    }

    func withModel<T: Sendable>(_ body: (AnyChatModel) async throws -> T) async throws -> T {
        try await withModel(for: request, body)
    }

    /// The model a provider request describes (the command's own, or a separate judge's).
    func withModel<T: Sendable>(for request: ProviderRequest, _ body: (AnyChatModel) async throws -> T) async throws -> T {
        let choice = try ProviderChoice.resolve(
            request, file: try ProviderConfigFile.load(explicit: options.config), environment: ProcessInfo.processInfo.environment)
        var logger = Logger(label: "hyperalign")
        logger.logLevel = .error
        switch choice {
        case .embedded(let configuration):
            let quiet = options.quiet
            return try await EmbeddedModelServer.withServer(
                configuration, logger: logger,
                setupProgress: { progress in
                    if !quiet { SetupCommand.show(progress) }
                }
            ) { model, _ in
                try await body(wrap(model))
            }
        case .openai(let configuration):
            return try await body(wrap(OpenAICompatibleModel(configuration: configuration, logger: logger)))
        case .anthropic(let configuration):
            return try await body(wrap(AnthropicModel(configuration: configuration, logger: logger)))
        }
    }

    private func wrap(_ model: some ChatModel) throws -> AnyChatModel {
        let metered = MeteredChatModel(model, ledger: ledger)
        guard !options.noCache else { return AnyChatModel(metered) }
        let directory = EmbeddedPaths().root.appendingPathComponent("responses", isDirectory: true)
        return AnyChatModel(CachedChatModel(metered, cache: try ResponseCache(directory: directory)))
    }
}
