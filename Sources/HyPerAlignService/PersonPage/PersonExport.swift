import Foundation
import HyPerAlign
import ProfileStorage

/// Everything the service holds about a person, as the page's download gives it: texts, the facts an
/// operator gave, the hypothesis set in its one JSON shape (``HypothesisSetDocument``), and the links to
/// the page (without their tokens).
struct PersonExport: Encodable, Sendable {
    struct Link: Encodable, Sendable {
        var id: String
        var createdAt: Date
        var expiresAt: Date
        var revokedAt: Date?
        var state: PersonLink.State
    }

    var exportedAt: Date
    var userID: String
    var tenant: String
    var profileRevision: Int
    var updatedAt: Date
    var texts: [UserText]
    var knownAttributes: [String: String]
    var hypotheses: HypothesisSetDocument?
    var links: [Link]

    init(profile: UserProfile, tenant: TenantID, set: HypothesisSet?, links: [PersonLink], now: Date = Date()) {
        exportedAt = now
        userID = profile.id
        self.tenant = tenant.rawValue
        profileRevision = profile.revision
        updatedAt = profile.updatedAt
        texts = profile.texts
        knownAttributes = profile.attributes
        hypotheses = set.map { HypothesisSetDocument($0, profile: profile) }
        self.links = links.map {
            Link(id: $0.id, createdAt: $0.createdAt, expiresAt: $0.expiresAt, revokedAt: $0.revokedAt, state: $0.state(at: now))
        }
    }
}
