import Foundation
import HTTPTypes
import Hummingbird
import LanguageModels
import NIOCore

/// `/v1/chat/completions` for a model that is not an OpenAI-compatible server (Anthropic, a scripted
/// model): the request is translated into the provider-neutral ``ChatRequest`` and the answer back into
/// OpenAI's shape. Only what that request type carries is supported (text messages, sampling options,
/// JSON schemas); anything else is refused with a 400 naming it. In front of an OpenAI-compatible
/// upstream the service proxies instead (``ChatProxy``), without these limits.
struct TranslatedChatCompletion {
    let service: HyPerAlignService

    func complete(_ bytes: [UInt8], personalization: Personalization?) async throws -> Response {
        let body: ChatCompletionRequest
        do {
            body = try JSONBody.decoder.decode(ChatCompletionRequest.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ServiceError.translating(error)
        }
        var chat = try body.chatRequest()
        if let personalization {
            let leading = chat.messages.prefix { $0.role == .system }.count
            chat.messages.insert(.system(personalization.text), at: leading)
        }
        let personalized = personalization != nil
        let stream = body.stream ?? false
        service.metrics.chatCompletion(personalized: personalized, stream: stream)
        var headers: HTTPFields = [ChatCompletionRoutes.personalizedHeader: personalized ? "true" : "false"]
        if stream {
            return try await streamed(chat, includeUsage: body.wantsUsageInStream, personalized: personalized, headers: headers)
        }
        let response = try await service.model.complete(chat)
        service.metrics.tokens(
            prompt: response.usage.promptTokens, completion: response.usage.completionTokens, personalized: personalized)
        headers[.cacheControl] = "no-store"
        return try JSONBody.response(
            ChatCompletionResponse(id: ChatCompletionResponse.makeID(), model: service.model.modelID.rawValue, response: response),
            headers: headers)
    }

    /// Streams as Server-Sent Events. The first delta is awaited before answering, so a failing upstream
    /// still gets a proper 502/503/504; a failure later arrives as an `error` event (as OpenAI does).
    func streamed(_ chat: ChatRequest, includeUsage: Bool, personalized: Bool, headers: HTTPFields) async throws -> Response {
        let deltas = DeltaSource(service.model.stream(chat))
        let first = try await deltas.next()
        let id = ChatCompletionResponse.makeID()
        let model = service.model.modelID.rawValue
        let created = Int(Date().timeIntervalSince1970)
        let metrics = service.metrics
        var fields = headers
        fields[.contentType] = "text/event-stream"
        fields[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: fields, body: ResponseBody { writer in
            func chunk(_ delta: ChatCompletionChunk.Delta, finish: String? = nil) -> ChatCompletionChunk {
                ChatCompletionChunk(id: id, created: created, model: model,
                                    choices: [.init(delta: delta, finishReason: finish)])
            }
            func send(_ value: some Encodable) async throws {
                var buffer = ByteBuffer(string: "data: ")
                buffer.writeBytes(try JSONBody.encoder.encode(value))
                buffer.writeString("\n\n")
                try await writer.write(buffer)
            }
            var usage = TokenUsage()
            var finish: FinishReason?
            do {
                try await send(chunk(.init(role: "assistant", content: "")))
                var next = first
                while let delta = next {
                    if !delta.text.isEmpty { try await send(chunk(.init(content: delta.text))) }
                    if let reason = delta.finishReason { finish = reason }
                    if let reported = delta.usage { usage = reported }
                    next = try await deltas.next()
                }
                try await send(chunk(.init(), finish: (finish ?? .stop).rawValue))
                if includeUsage {
                    try await send(ChatCompletionChunk(id: id, created: created, model: model, choices: [],
                                                       usage: .init(usage)))
                }
                try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
                metrics.tokens(prompt: usage.promptTokens, completion: usage.completionTokens, personalized: personalized)
            } catch let error where !(error is CancellationError) {
                let failure = ServiceError.translating(error)
                if failure.type == "upstream_error" { metrics.upstreamError(code: failure.code) }
                try? await send(ServiceError.ErrorBody(error: .init(
                    message: failure.message, type: failure.type, param: nil, code: failure.code)))
            }
            try await writer.finish(nil)
        })
    }
}

/// The one consumer of an upstream delta stream, handed from the route to the response body writer.
/// Only one task uses it at a time (first the route, then the writer), which is why it may be Sendable.
final class DeltaSource: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<ChatDelta, any Error>.AsyncIterator

    init(_ stream: AsyncThrowingStream<ChatDelta, any Error>) { iterator = stream.makeAsyncIterator() }

    func next() async throws -> ChatDelta? { try await iterator.next() }
}
