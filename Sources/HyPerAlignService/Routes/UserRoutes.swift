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
            // The count limit and the ids of texts sent without one are settled inside the store's transaction.
            try checkIDs(body.texts)
            let texts = body.texts.map { $0.userText(defaultID: "") }
            try checkLimits(texts)
            do {
                return try JSONBody.response(try await service.store.appendTexts(
                    texts, to: id, tenant: tenant, maxTexts: service.configuration.maxTextsPerUser))
            } catch let error as TextLimitExceeded {
                // A well-formed request the user's current texts leave no room for: a conflict with state.
                throw ServiceError.conflict(error.description, code: "too_many_texts")
            } catch let error as StoreError where error.kind == .notFound {
                throw ServiceError.notFound("no user '\(id)'", code: "user_not_found")
            }
        }
    }

    func replace(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try userID(context)
        let tenant = try context.requireTenant()
        let body = try await JSONBody.decode(UserBody.self, from: request, limit: service.configuration.maxBodyBytes)
        try checkIDs(body.texts)
        let texts = body.texts.enumerated().map { $1.userText(defaultID: "t\($0 + 1)") }
        try checkLimits(texts)
        let existed = try await service.store.profile(id, tenant: tenant) != nil
        let saved = try await service.store.saveProfile(
            UserProfile(id: id, texts: texts, attributes: body.attributes ?? [:]), tenant: tenant)
        service.personalizer.invalidate(user: id, tenant: tenant)  // its attributes are part of the rendering
        return try JSONBody.response(saved, status: existed ? .ok : .created)
    }

    /// The `{id}` of the path, percent-decoded once and then checked against the user id rule.
    func userID(_ context: ServiceRequestContext) throws -> String {
        let id = try context.pathParameter("id")
        do {
            try UserID.validate(id)
        } catch let error as InputError {
            throw ServiceError.badRequest(error.description, code: "invalid_user_id", param: "id")
        }
        return id
    }

    /// Text ids a client gives are 1–128 code points (the rest get `tN`), and no field of a text holds
    /// U+0000, which a store would cut the text at or refuse.
    func checkIDs(_ texts: [TextBody]) throws {
        for (index, text) in texts.enumerated() {
            let fields = [("id", text.id), ("text", text.text), ("prompt", text.prompt), ("source", text.source)]
            for case let (name, value?) in fields where TextRules.containsNUL(value) {
                throw ServiceError.badRequest(
                    "text \(index + 1): '\(name)' holds the character U+0000", code: "invalid_text", param: "texts[\(index)].\(name)")
            }
            guard let id = text.id else { continue }
            guard (1...TextBody.maxIDLength).contains(TextRules.length(id)) else {
                throw ServiceError.badRequest(
                    "text \(index + 1): an id must have 1–\(TextBody.maxIDLength) characters", code: "invalid_text_id",
                    param: "texts[\(index)].id")
            }
        }
    }

    /// The per-user limits: number of texts, and size of each (in code points, as the document's
    /// `maxLength` counts).
    func checkLimits(_ texts: [UserText]) throws {
        let configuration = service.configuration
        if texts.count > configuration.maxTextsPerUser {
            throw ServiceError.badRequest(
                "a user may have at most \(configuration.maxTextsPerUser) texts (this would make \(texts.count))",
                code: "too_many_texts", param: "texts")
        }
        for (index, text) in texts.enumerated() {
            if TextRules.isBlank(text.text) {
                throw ServiceError.badRequest("text \(index + 1) ('\(text.id)') is empty", code: "empty_text", param: "texts[\(index)].text")
            }
            let length = TextRules.length(text.text)
            if length > configuration.maxTextCharacters {
                throw ServiceError.badRequest(
                    "text \(index + 1) ('\(text.id)') has \(length) characters; the limit is \(configuration.maxTextCharacters)",
                    code: "text_too_long", param: "texts[\(index)].text")
            }
        }
    }
}
