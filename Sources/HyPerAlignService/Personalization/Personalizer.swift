import HyPerAlign
import Logging
import ProfileStorage

/// Finds the user a chat request personalizes for and their rendered hypotheses. While the store's change
/// count is watched and unchanged, a request reads nothing; otherwise it reads the revisions the rendering
/// depends on (hypothesis set and profile), and the hypotheses and attributes only when those revisions
/// are new to the cache — never the user's texts.
struct Personalizer: Sendable {
    let reader: any PersonalizationReading
    let configuration: PersonalizationConfiguration
    let cache = PersonalizationCache()
    let changes: PersonalizationChanges
    /// Polls the store's change count; nil for a store that keeps none (every request reads revisions).
    let watcher: PersonalizationChangeWatcher?

    init(store: any ServiceStore, configuration: PersonalizationConfiguration, logger: Logger) {
        self.init(
            reader: (store as? any PersonalizationReading) ?? ProfileStorePersonalizationReader(store: store),
            counter: store as? any PersonalizationChangeCounting, configuration: configuration, logger: logger)
    }

    init(
        reader: any PersonalizationReading, counter: (any PersonalizationChangeCounting)?,
        configuration: PersonalizationConfiguration, logger: Logger
    ) {
        self.reader = reader
        self.configuration = configuration
        let interval = configuration.changePollInterval
        // A poll is trusted for 20 intervals (at least a second): a stalled watcher costs reads, not staleness.
        let changes = PersonalizationChanges(trustedFor: max(interval * 20, .seconds(1)))
        self.changes = changes
        self.watcher = counter.map {
            PersonalizationChangeWatcher(counter: $0, changes: changes, interval: interval, logger: logger)
        }
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
        guard let user, (try? UserID.validate(user)) != nil else { return nil }
        let key = PersonalizationCache.Key(tenant: tenant, user: user)
        // Taken before any read: what the reads below return is at least as new as this generation.
        let generation = changes.trustedGeneration()
        let cached = cache.entry(key)
        if let generation, let cached, cached.confirmedIn == generation { return cached.personalization }

        var entry: PersonalizationCache.Entry
        let revision = try await reader.personalizationRevision(for: user, tenant: tenant)
        if let cached, cached.revision == revision {
            entry = cached
        } else if revision != nil, let inputs = try await reader.personalizationInputs(for: user, tenant: tenant) {
            var personalization: Personalization?
            if !inputs.set.hypotheses.isEmpty {
                let text = renderer.render(inputs.set, known: inputs.attributes)
                personalization = Personalization(text: text, jsonString: ChatCompletionBody.quoted(text))
            }
            entry = .init(revision: inputs.revision, personalization: personalization)
        } else {
            entry = .init(revision: nil, personalization: nil)
        }
        entry.confirmedIn = generation
        cache.remember(entry, for: key)
        return entry.personalization
    }

    /// Called when a user's profile changes through this service: frees the entry and makes every request
    /// confirm its entry again, so one that read the old revisions just before cannot keep them.
    func invalidate(user: String, tenant: TenantID) {
        cache.invalidate(.init(tenant: tenant, user: user))
        changes.advance()
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
