import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A chat model behind the Anthropic Messages API (`POST /v1/messages`).
///
/// Translation happens here at the edge: system messages become the top-level `system`, consecutive
/// turns of one role are merged, `max_tokens` is always sent, and a JSON schema becomes a forced tool whose
/// `input_schema` it is (the tool's input is the answer's text).
public struct AnthropicModel: ChatModel {
    public let configuration: AnthropicConfiguration
    let transport: HTTPTransport

    public var modelID: ModelID { configuration.model }

    public init(
        configuration: AnthropicConfiguration,
        client: HTTPClient = LanguageModelHTTPClient.shared,
        logger: Logger = Logger(label: "hyperalign.llm.anthropic")
    ) {
        self.configuration = configuration
        self.transport = HTTPTransport(
            client: client, timeout: configuration.timeout, retry: configuration.retry,
            maxConcurrentRequests: configuration.maxConcurrentRequests, logger: logger,
            providerName: "anthropic(\(configuration.baseURL))")
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let wire = AnthropicWireFormat.Body(request: request, configuration: configuration, stream: false)
        let body = wire.encoded()
        let provider = transport.providerName
        let model = configuration.model
        return try await transport.send({ try makeHTTPRequest(body: body) }) { buffer in
            try AnthropicWireFormat.response(from: buffer, model: model, latency: clock.now - start, provider: provider)
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatDelta, any Error> {
        transport.stream(deadline: configuration.streamTimeout) { continuation in
            let wire = AnthropicWireFormat.Body(request: request, configuration: configuration, stream: true)
            let body = wire.encoded()
            let response = try await transport.open({ try makeHTTPRequest(body: body) }, deadline: configuration.streamTimeout)
            var decoder = AnthropicStreamDecoder(provider: transport.providerName)
            for try await event in response.body.serverSentEvents() {
                if let delta = try decoder.decode(event) { continuation.yield(delta) }
                if decoder.isDone { break }
            }
            guard decoder.isDone else {
                throw LanguageModelError(.streamInterrupted("the stream closed before `message_stop`"), provider: transport.providerName)
            }
        }
    }

    private func makeHTTPRequest(body: ByteBuffer) throws -> HTTPClientRequest {
        var request = HTTPClientRequest(url: configuration.baseURL + "/v1/messages")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "x-api-key", value: configuration.apiKey)
        request.headers.add(name: "anthropic-version", value: configuration.apiVersion)
        request.body = .bytes(body)
        return request
    }
}
