import Foundation
import ProfileStorage

/// A re-inference job as clients see it: `queued` → `running` → `succeeded` or `failed`. It lives in
/// the store (``StoredJob``), so any replica answers for it and it outlives the replica that accepted it.
public struct InferenceJob: Sendable, Codable, Hashable {
    public typealias Status = StoredJob.Status

    public var id: String
    public var userID: String
    public var tenant: TenantID
    public var status: Status
    public var createdAt: Date
    public var finishedAt: Date?
    /// How many times a worker started the job; above 1, a replica died or shut down while running it and
    /// another took it over.
    public var attempts: Int
    /// The revision of the saved hypothesis set, once succeeded.
    public var hypothesesRevision: Int?
    /// How many hypotheses the saved set holds, once succeeded.
    public var hypothesisCount: Int?
    /// What went wrong, once failed.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id, userID, status, createdAt, finishedAt, attempts, hypothesesRevision, hypothesisCount, error
    }

    /// The client's view of a stored job (no lease details, no tenant).
    public init(_ stored: StoredJob) {
        id = stored.id
        userID = stored.userID
        tenant = stored.tenant
        status = stored.status
        createdAt = stored.createdAt
        finishedAt = stored.finishedAt
        attempts = stored.attempts
        hypothesesRevision = stored.hypothesesRevision
        hypothesisCount = stored.hypothesisCount
        error = stored.error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        userID = try container.decode(String.self, forKey: .userID)
        tenant = ""
        status = try container.decode(Status.self, forKey: .status)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        finishedAt = try container.decodeIfPresent(Date.self, forKey: .finishedAt)
        attempts = try container.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
        hypothesesRevision = try container.decodeIfPresent(Int.self, forKey: .hypothesesRevision)
        hypothesisCount = try container.decodeIfPresent(Int.self, forKey: .hypothesisCount)
        error = try container.decodeIfPresent(String.self, forKey: .error)
    }
}
