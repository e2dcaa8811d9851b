import HTTPTypes
import Hummingbird
import LanguageModels
import ProfileStorage

/// `POST /v1/chat/completions` (OpenAI-compatible, streamed or not) and `GET /v1/models`.
///
/// In front of an OpenAI-compatible upstream (``ServiceConfiguration/proxy``) the route is a faithful
/// proxy: the client's body goes upstream byte for byte — tools, `n`, logprobs, `response_format`,
/// multimodal parts, unknown fields — and the upstream's status, body, useful headers and stream come
/// back. The one addition is personalization: when the request names a user of the caller's tenant who
/// has hypotheses (the `X-HyPerAlign-User` header, or the `user` field for tenants that opted in), one
/// message with them is inserted after the caller's leading `system`/`developer` messages.
/// `X-HyPerAlign-Personalized: true|false` on the response says which happened.
struct ChatCompletionRoutes {
    let service: HyPerAlignService

    static let userHeader = HTTPField.Name("X-HyPerAlign-User")!
    static let personalizedHeader = HTTPField.Name("X-HyPerAlign-Personalized")!

    func add(to group: RouterGroup<ServiceRequestContext>) {
        group.post("chat/completions") { request, context in try await complete(request, context) }
        group.get("models") { _, _ in
            var names = [service.configuration.proxy?.defaultModel ?? service.model.modelID.rawValue]
            names += (service.configuration.proxy?.modelMap.keys.sorted() ?? []).filter { !names.contains($0) }
            let models = names.map { ModelList.Model(id: $0, created: service.startedAt, ownedBy: "hyperalign") }
            return try JSONBody.response(ModelList(data: models))
        }
    }

    func complete(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let bytes = Array(try await JSONBody.collect(request, limit: service.configuration.maxBodyBytes).readableBytesView)
        let body: ChatCompletionBody
        do {
            body = try ChatCompletionBody(bytes)
        } catch let error as ChatCompletionBody.Invalid {
            throw ServiceError.badRequest(error.description, code: "invalid_json")
        }
        try ChatCompletionContract.check(bytes)  // the fields this service reads, as its OpenAPI document states
        let user = service.personalizer.userID(header: request.headers[Self.userHeader], userField: body.user, tenant: tenant)
        let personalization = try await service.personalizer.personalization(for: user, tenant: tenant)
        guard let proxy = service.proxy else {
            return try await TranslatedChatCompletion(service: service).complete(bytes, personalization: personalization)
        }
        let message = personalization.flatMap { personalization in
            body.personalizationPlacement.map { ChatCompletionBody.message(role: $0.role, content: personalization.jsonString) }
        }
        let personalized = message != nil
        service.metrics.chatCompletion(personalized: personalized, stream: body.stream)
        let forwarded = body.rewritten(inserting: message, model: proxy.configuration.upstreamModel(for: body.model))
        return try await proxy.forward(
            forwarded, stream: body.stream, personalized: personalized,
            headers: [Self.personalizedHeader: personalized ? "true" : "false"])
    }
}
