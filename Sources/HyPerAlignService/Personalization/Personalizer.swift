import HyPerAlign
import ProfileStorage

/// Finds the user a chat request personalizes for and their rendered hypotheses: per request one read
/// of the revisions the rendering depends on (hypothesis set and profile), the hypotheses and attributes
/// only when those revisions are new to the cache — never the user's texts.
struct Personalizer: Sendable {
    let reader: any PersonalizationReading
    let configuration: PersonalizationConfiguration
    let cache = PersonalizationCache()

    init(store: any ServiceStore, configuration: PersonalizationConfiguration) {
        self.reader = (store as? any PersonalizationReading) ?? ProfileStorePersonalizationReader(store: store)
        self.configuration = configuration
    }

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
            let revision = try await reader.personalizationRevision(for: user, tenant: tenant)
        else { return nil }
        let key = PersonalizationCache.Key(tenant: tenant, user: user)
        if let cached = cache.entry(key, revision: revision) { return cached.personalization }
        guard let inputs = try await reader.personalizationInputs(for: user, tenant: tenant) else { return nil }
        var personalization: Personalization?
        if !inputs.set.hypotheses.isEmpty {
            let text = renderer.render(inputs.set, known: inputs.attributes)
            personalization = Personalization(text: text, jsonString: ChatCompletionBody.quoted(text))
        }
        cache.remember(.init(revision: inputs.revision, personalization: personalization), for: key)
        return personalization
    }

    /// Called when a user's profile changes through this service (the revisions would tell as well; this
    /// frees the entry at once).
    func invalidate(user: String, tenant: TenantID) {
        cache.invalidate(.init(tenant: tenant, user: user))
    }
}

/// ``PersonalizationReading`` for a store that has no reads of its own for it (the in-memory store):
/// the hypothesis set and the profile, read whole.
struct ProfileStorePersonalizationReader: PersonalizationReading {
    let store: any ProfileStore

    func personalizationRevision(for userID: String, tenant: TenantID) async throws -> PersonalizationRevision? {
        try await personalizationInputs(for: userID, tenant: tenant)?.revision
    }

    func personalizationInputs(for userID: String, tenant: TenantID) async throws -> PersonalizationInputs? {
        guard let set = try await store.hypothesisSet(for: userID, tenant: tenant),
            let profile = try await store.profile(userID, tenant: tenant)
        else { return nil }
        return PersonalizationInputs(
            set: set, attributes: profile.attributes,
            revision: PersonalizationRevision(hypotheses: set.revision, profile: profile.revision))
    }
}
