import HyPerAlign
import ProfileStorage

/// Finds the user a chat request personalizes for and their rendered hypotheses: one hypothesis-set read
/// per request, the profile only when the revision is new to the cache.
struct Personalizer: Sendable {
    let store: any ServiceStore
    let configuration: PersonalizationConfiguration
    let cache = PersonalizationCache()

    var renderer: PersonalizationRenderer {
        PersonalizationRenderer(
            maxStatementCharacters: configuration.maxStatementCharacters, maxStatements: configuration.maxStatements)
    }

    /// The HyPerAlign user a request names: the `X-HyPerAlign-User` header, else the OpenAI `user` field
    /// when the tenant opted in.
    func userID(header: String?, userField: String?, tenant: TenantID) -> String? {
        if let header, !header.isEmpty { return header }
        return configuration.usesUserField(tenant) ? userField : nil
    }

    /// The personalization for `user`; nil for an unknown or invalid user, another tenant's user, or a
    /// user without hypotheses (the request then passes through unchanged).
    func personalization(for user: String?, tenant: TenantID) async throws -> Personalization? {
        guard let user, (try? UserID.validate(user)) != nil,
            let set = try await store.hypothesisSet(for: user, tenant: tenant), !set.hypotheses.isEmpty
        else { return nil }
        let key = PersonalizationCache.Key(tenant: tenant, user: user)
        if let cached = cache.personalization(key, revision: set.revision) { return cached }
        guard let profile = try await store.profile(user, tenant: tenant) else { return nil }
        let text = renderer.render(set, known: profile.attributes)
        let rendered = Personalization(revision: set.revision, text: text, jsonString: ChatCompletionBody.quoted(text))
        cache.remember(rendered, for: key)
        return rendered
    }

    /// Called when a user's profile changes through this service.
    func invalidate(user: String, tenant: TenantID) {
        cache.invalidate(.init(tenant: tenant, user: user))
    }
}
