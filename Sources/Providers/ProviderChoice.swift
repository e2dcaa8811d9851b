import EmbeddedModel
import LanguageModels

/// The provider to use, fully configured: the one place where command-line options, the config file and
/// the environment are combined.
///
/// Precedence, for every setting: the command line, then the config file, then the environment
/// (`OPENAI_BASE_URL`, `OPENAI_MODEL`, `ANTHROPIC_BASE_URL`, the key variables), then the default.
///
/// ```swift
/// let choice = try ProviderChoice.resolve(request, file: try ProviderConfigFile.load(explicit: nil))
/// ```
package enum ProviderChoice: Sendable {
    case embedded(LlamaServerConfiguration)
    case openai(OpenAICompatibleConfiguration)
    case anthropic(AnthropicConfiguration)

    /// Whether the embedded llama.cpp model is the provider (grammar-constrained, tiny).
    package var isEmbedded: Bool {
        if case .embedded = self { return true }
        return false
    }

    /// The provider `request`, `file` and `environment` describe together.
    /// - Throws: ``ProviderSelectionError`` (`usage`) for an unknown embedded model, an OpenAI-compatible
    ///   provider without a model name, or Anthropic without a key.
    package static func resolve(
        _ request: ProviderRequest, file: ProviderConfigFile?, environment: [String: String]
    ) throws(ProviderSelectionError) -> ProviderChoice {
        let concurrency = max(request.slots, 4)
        switch kind(request, file: file) {
        case .embedded:
            let name = request.model ?? file?.model ?? EmbeddedModelSpec.default.name
            guard let spec = EmbeddedModelSpec.named(name) else {
                throw ProviderSelectionError(.usage,
                    "unknown embedded model '\(name)'; choose one of: \(EmbeddedModelSpec.all.map(\.name).joined(separator: ", "))")
            }
            return .embedded(LlamaServerConfiguration(model: spec, slots: request.slots, threads: request.threads))
        case .openai:
            let keyVariable = file?.apiKeyEnv ?? "OPENAI_API_KEY"
            let baseURL = request.baseURL ?? file?.baseURL ?? environment["OPENAI_BASE_URL"] ?? "https://api.openai.com/v1"
            guard let name = request.model ?? file?.model ?? environment["OPENAI_MODEL"] else {
                throw ProviderSelectionError(.usage, "--provider openai needs --model (e.g. gpt-4o-mini, or the name your server uses)")
            }
            return .openai(OpenAICompatibleConfiguration(
                baseURL: baseURL, apiKey: environment[keyVariable], model: ModelID(name), timeout: request.timeout,
                maxConcurrentRequests: concurrency))
        case .anthropic:
            let keyVariable = file?.apiKeyEnv ?? "ANTHROPIC_API_KEY"
            guard let key = environment[keyVariable], !key.isEmpty else {
                throw ProviderSelectionError(.usage, "--provider anthropic needs an API key in $\(keyVariable)")
            }
            return .anthropic(AnthropicConfiguration(
                baseURL: request.baseURL ?? file?.baseURL ?? environment["ANTHROPIC_BASE_URL"] ?? "https://api.anthropic.com",
                apiKey: key, model: ModelID(request.model ?? file?.model ?? "claude-sonnet-4-5"), timeout: request.timeout,
                maxConcurrentRequests: concurrency))
        }
    }

    /// The provider kind alone (cheap: no model lookup), for settings that depend only on it.
    package static func kind(_ request: ProviderRequest, file: ProviderConfigFile?) -> ProviderKind {
        request.provider ?? file?.provider ?? .embedded
    }
}
