import Foundation
import HyPerAlign

/// A store that lives in memory: for tests, previews and single-run tools.
public actor InMemoryProfileStore: ProfileStore, APIKeyStore {
    private var profiles: [TenantID: [String: UserProfile]] = [:]
    private var sets: [TenantID: [String: HypothesisSet]] = [:]
    private var keys: [String: APIKeyRecord] = [:]

    public init() {}

    public func saveProfile(_ profile: UserProfile, tenant: TenantID) throws -> UserProfile {
        var stored = profile
        stored.revision = (profiles[tenant]?[profile.id]?.revision ?? 0) + 1
        stored.updatedAt = Date()
        profiles[tenant, default: [:]][profile.id] = stored
        return stored
    }

    public func profile(_ id: String, tenant: TenantID) -> UserProfile? { profiles[tenant]?[id] }

    public func profileSummaries(tenant: TenantID) -> [ProfileSummary] {
        (profiles[tenant] ?? [:]).values.sorted { $0.id < $1.id }.map { profile in
            let set = sets[tenant]?[profile.id]
            return ProfileSummary(
                id: profile.id, textCount: profile.texts.count, hasHypotheses: set != nil,
                hypothesesStale: set?.isStale(for: profile) ?? false, updatedAt: profile.updatedAt)
        }
    }

    public func deleteProfile(_ id: String, tenant: TenantID) -> Bool {
        sets[tenant]?[id] = nil
        return profiles[tenant]?.removeValue(forKey: id) != nil
    }

    public func appendTexts(_ texts: [UserText], to id: String, tenant: TenantID) throws -> UserProfile {
        guard var profile = profiles[tenant]?[id] else { throw StoreError.notFound(user: id) }
        profile.texts += texts
        return try saveProfile(profile, tenant: tenant)
    }

    public func hypothesisSet(for userID: String, tenant: TenantID) -> HypothesisSet? { sets[tenant]?[userID] }

    public func saveHypothesisSet(_ set: HypothesisSet, tenant: TenantID, expectedRevision: Int?) throws
        -> HypothesisSet
    {
        guard profiles[tenant]?[set.userID] != nil else { throw StoreError.notFound(user: set.userID) }
        let current = sets[tenant]?[set.userID]?.revision ?? 0
        if let expectedRevision, expectedRevision != current {
            throw StoreError.conflict(user: set.userID, expected: expectedRevision, actual: current)
        }
        var stored = set
        stored.revision = current + 1
        sets[tenant, default: [:]][set.userID] = stored
        return stored
    }

    public func deleteHypothesisSet(for userID: String, tenant: TenantID) -> Bool {
        sets[tenant]?.removeValue(forKey: userID) != nil
    }

    public func saveAPIKey(_ record: APIKeyRecord) throws {
        guard keys[record.hash] == nil else { throw StoreError(.conflict, "an API key with this hash exists") }
        keys[record.hash] = record
    }

    public func apiKey(hash: String) -> APIKeyRecord? { keys[hash] }
}
