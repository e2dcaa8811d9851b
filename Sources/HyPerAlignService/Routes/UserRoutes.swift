import Foundation
import HyPerAlign
import Hummingbird
import ProfileStorage

/// `/v1/users` and `/v1/users/{id}/texts`: a tenant's users and their texts. Every lookup is by
/// (tenant, id), so another tenant's user is indistinguishable from one that does not exist.
struct UserRoutes {
    let service: HyPerAlignService

    func add(to group: RouterGroup<ServiceRequestContext>) {
        group.get("users") { _, context in
            try JSONBody.response(ListBody(data: try await service.store.profileSummaries(tenant: try context.requireTenant())))
        }
        group.put("users/{id}") { request, context in try await replace(request, context) }
        group.get("users/{id}") { _, context in
            try JSONBody.response(try await service.profile(try userID(context), tenant: try context.requireTenant()))
        }
        group.delete("users/{id}") { _, context in
            let id = try userID(context)
            defer { service.personalizer.invalidate(user: id, tenant: (try? context.requireTenant()) ?? "") }
            guard try await service.store.deleteProfile(id, tenant: try context.requireTenant()) else {
                throw ServiceError.notFound("no user '\(id)'", code: "user_not_found")
            }
            return Response(status: .noContent)
        }
        group.get("users/{id}/texts") { _, context in
            try JSONBody.response(ListBody(data: try await service.profile(try userID(context), tenant: try context.requireTenant()).texts))
        }
        group.post("users/{id}/texts") { request, context in
            let id = try userID(context)
            let tenant = try context.requireTenant()
            let body = try await JSONBody.decode(TextsBody.self, from: request, limit: service.configuration.maxBodyBytes)
            let existing = try await service.profile(id, tenant: tenant)
            let texts = body.texts.enumerated().map { $1.userText(defaultID: "t\(existing.texts.count + $0 + 1)") }
            try checkLimits(existing.texts + texts)
            return try JSONBody.response(try await service.store.appendTexts(texts, to: id, tenant: tenant))
        }
    }

    func replace(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try userID(context)
        let tenant = try context.requireTenant()
        let body = try await JSONBody.decode(UserBody.self, from: request, limit: service.configuration.maxBodyBytes)
        let texts = body.texts.enumerated().map { $1.userText(defaultID: "t\($0 + 1)") }
        try checkLimits(texts)
        let existed = try await service.store.profile(id, tenant: tenant) != nil
        let saved = try await service.store.saveProfile(
            UserProfile(id: id, texts: texts, attributes: body.attributes ?? [:]), tenant: tenant)
        service.personalizer.invalidate(user: id, tenant: tenant)  // its attributes are part of the rendering
        return try JSONBody.response(saved, status: existed ? .ok : .created)
    }

    func userID(_ context: ServiceRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        do {
            try UserID.validate(id)
        } catch let error as InputError {
            throw ServiceError.badRequest(error.description, code: "invalid_user_id", param: "id")
        }
        return id
    }

    /// The per-user limits: number of texts, and size of each.
    func checkLimits(_ texts: [UserText]) throws {
        let configuration = service.configuration
        if texts.count > configuration.maxTextsPerUser {
            throw ServiceError.badRequest(
                "a user may have at most \(configuration.maxTextsPerUser) texts (this would make \(texts.count))",
                code: "too_many_texts", param: "texts")
        }
        for (index, text) in texts.enumerated() {
            if text.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ServiceError.badRequest("text \(index + 1) ('\(text.id)') is empty", code: "empty_text", param: "texts")
            }
            if text.text.count > configuration.maxTextCharacters {
                throw ServiceError.badRequest(
                    "text \(index + 1) ('\(text.id)') has \(text.text.count) characters; the limit is \(configuration.maxTextCharacters)",
                    code: "text_too_long", param: "texts")
            }
        }
    }
}
