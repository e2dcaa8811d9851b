import ArgumentParser
import LanguageModels
import Providers

/// A separate judge for a benchmark, so a strong model can judge a weaker generator. Each option not
/// given falls back to the generator's (`--provider`, `--base-url`); with none given the generator judges.
struct JudgeOptions: ParsableArguments {
    @Option(name: .customLong("judge-provider"), help: "Provider of the LLM judge: embedded, openai or anthropic (default: --provider).")
    var provider: ProviderKind?

    @Option(name: .customLong("judge-model"), help: "Model of the LLM judge (default: the generating model). Recorded in run.json and the summary.")
    var model: String?

    @Option(name: .customLong("judge-base-url"), help: "Base URL of the LLM judge's provider (default: --base-url when the provider is the same).")
    var baseURL: String?

    /// Whether a separate judge was asked for.
    var isSeparate: Bool { provider != nil || model != nil || baseURL != nil }

    /// The judge's provider request: the generator's, with each given judge option replacing its part.
    func request(generator: ProviderRequest) -> ProviderRequest {
        var judge = generator
        if let provider {
            judge.provider = provider
            if provider != generator.provider { judge.baseURL = nil; judge.model = nil }
        }
        if let model { judge.model = model }
        if let baseURL { judge.baseURL = baseURL }
        return judge
    }
}

extension ModelSession {
    /// Runs `body` with the generating model and the judge's (the same model when no judge was given;
    /// the judge's calls go through the same cache and token ledger).
    func withModels<T: Sendable>(judge: JudgeOptions, _ body: (AnyChatModel, AnyChatModel) async throws -> T) async throws -> T {
        try await withModel { model in
            guard judge.isSeparate else { return try await body(model, model) }
            return try await withModel(for: judge.request(generator: request)) { judgeModel in
                try await body(model, judgeModel)
            }
        }
    }
}
