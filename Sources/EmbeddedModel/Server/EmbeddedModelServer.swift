import AsyncHTTPClient
import Foundation
import LanguageModels
import Logging

/// The embedded default model as a scoped resource: set up on first use, started on a free loopback
/// port, handed to `body` as an ordinary OpenAI-compatible ``ChatModel``, and stopped on every way out.
///
/// ```swift
/// try await EmbeddedModelServer.withServer(LlamaServerConfiguration()) { model in
///     try await model.complete(ChatRequest(messages: [.user("Hi")]))
/// }
/// ```
public enum EmbeddedModelServer {
    public static func withServer<T: Sendable>(
        _ configuration: LlamaServerConfiguration,
        paths: EmbeddedPaths = EmbeddedPaths(),
        client: HTTPClient = LanguageModelHTTPClient.shared,
        logger: Logger = Logger(label: "hyperalign.embedded"),
        setupProgress: @escaping @Sendable (SetupProgress) -> Void = { _ in },
        body: (OpenAICompatibleModel, LlamaServerProcess) async throws -> T
    ) async throws -> T {
        let installer = EmbeddedRuntimeInstaller(paths: paths)
        if !installer.isReady(model: configuration.model) {
            try await installer.install(model: configuration.model, progress: setupProgress)
        }
        return try await LlamaServerProcess.run(configuration, paths: paths, client: client, logger: logger) { server in
            let model = OpenAICompatibleModel(
                configuration: OpenAICompatibleConfiguration(
                    baseURL: server.baseURL + "/v1",
                    model: ModelID(configuration.model.name),
                    timeout: .seconds(300),
                    retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(200)),
                    maxConcurrentRequests: configuration.slots,
                    structuredOutput: .llamaCpp),
                client: client, logger: logger)
            return try await body(model, server)
        }
    }
}
