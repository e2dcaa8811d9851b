import Foundation
import HTTPTypes
import HyPerAlign
import Hummingbird
import LanguageModels
import NIOCore
import ProfileStorage

/// `POST /v1/chat/completions` (OpenAI-compatible, streamed or not) and `GET /v1/models`.
///
/// The request's `user` field, or the `X-HyPerAlign-User` header, names a user of the caller's tenant;
/// when that user has hypotheses they are added as a system message. Any other request passes through
/// unchanged. `X-HyPerAlign-Personalized: true|false` on the response says which happened.
struct ChatCompletionRoutes {
    let service: HyPerAlignService

    static let userHeader = HTTPField.Name("X-HyPerAlign-User")!
    static let personalizedHeader = HTTPField.Name("X-HyPerAlign-Personalized")!

    func add(to group: RouterGroup<ServiceRequestContext>) {
        group.post("chat/completions") { request, context in try await complete(request, context) }
        group.get("models") { _, _ in
            let model = ModelList.Model(id: service.model.modelID.rawValue, created: service.startedAt, ownedBy: "hyperalign")
            return try JSONBody.response(ModelList(data: [model]))
        }
    }

    func complete(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let body = try await JSONBody.decode(ChatCompletionRequest.self, from: request, limit: service.configuration.maxBodyBytes)
        var chat = try body.chatRequest()
        let personalized = try await personalize(&chat, user: body.user ?? request.headers[Self.userHeader], tenant: tenant)
        let stream = body.stream ?? false
        service.metrics.chatCompletion(personalized: personalized, stream: stream)
        var headers: HTTPFields = [Self.personalizedHeader: personalized ? "true" : "false"]
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

    /// Adds the user's hypotheses as a leading system message; false (request untouched) for an unknown
    /// user, a user of another tenant, or a user without hypotheses.
    func personalize(_ chat: inout ChatRequest, user: String?, tenant: TenantID) async throws -> Bool {
        guard let user, (try? UserID.validate(user)) != nil,
            let set = try await service.store.hypothesisSet(for: user, tenant: tenant),
            let profile = try await service.store.profile(user, tenant: tenant)
        else { return false }
        chat.messages.insert(try service.assembler.personalizationMessage(profile: profile, hypotheses: set), at: 0)
        return true
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
