import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A chat model behind an OpenAI-compatible `/chat/completions` endpoint.
///
/// ```swift
/// let model = OpenAICompatibleModel(configuration: .init(
///     baseURL: "http://127.0.0.1:11434/v1", model: "llama3.2"))
/// let answer = try await model.complete(ChatRequest(messages: [.user("Hello")]))
/// ```
public struct OpenAICompatibleModel: ChatModel {
    public let configuration: OpenAICompatibleConfiguration
    let transport: HTTPTransport

    public var modelID: ModelID { configuration.model }

    public init(
        configuration: OpenAICompatibleConfiguration,
        client: HTTPClient = LanguageModelHTTPClient.shared,
        logger: Logger = Logger(label: "hyperalign.llm.openai")
    ) {
        self.configuration = configuration
        self.transport = HTTPTransport(
            client: client, timeout: configuration.timeout, retry: configuration.retry,
            maxConcurrentRequests: configuration.maxConcurrentRequests, logger: logger,
            providerName: "openai-compatible(\(configuration.baseURL))")
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let body = try OpenAIWireFormat.body(for: request, configuration: configuration, stream: false)
        let provider = transport.providerName
        let model = configuration.model
        return try await transport.send({ try makeHTTPRequest(body: body) }) { buffer in
            try OpenAIWireFormat.response(from: buffer, model: model, latency: clock.now - start, provider: provider)
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
        transport.stream(deadline: configuration.streamTimeout) { continuation in
            let body = try OpenAIWireFormat.body(for: request, configuration: configuration, stream: true)
            let response = try await transport.open({ try makeHTTPRequest(body: body) }, deadline: configuration.streamTimeout)
            var decoder = OpenAIStreamDecoder(provider: transport.providerName)
            for try await event in response.body.serverSentEvents() {
                for delta in try decoder.decode(event) { continuation.yield(delta) }
                if decoder.isDone { break }
            }
            if let last = decoder.finish() { continuation.yield(last) }
        }
    }

    private func makeHTTPRequest(body: ByteBuffer) throws -> HTTPClientRequest {
        var request = HTTPClientRequest(url: configuration.baseURL + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        if let key = configuration.apiKey, !key.isEmpty {
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
        }
        for (name, value) in configuration.extraHeaders { request.headers.add(name: name, value: value) }
        request.body = .bytes(body)
        return request
    }
}
