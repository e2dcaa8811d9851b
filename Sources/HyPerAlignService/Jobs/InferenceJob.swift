import Foundation
import ProfileStorage

/// A re-inference job and where it stands: `queued` → `running` → `succeeded` or `failed`.
public struct InferenceJob: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case queued, running, succeeded, failed
    }

    public var id: String
    public var userID: String
    public var tenant: TenantID
    public var status: Status
    public var createdAt: Date
    public var finishedAt: Date?
    /// The revision of the saved hypothesis set, once succeeded.
    public var hypothesesRevision: Int?
    /// How many hypotheses the saved set holds, once succeeded.
    public var hypothesisCount: Int?
    /// What went wrong, once failed.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id, userID, status, createdAt, finishedAt, hypothesesRevision, hypothesisCount, error
    }

    public init(id: String, userID: String, tenant: TenantID) {
        self.id = id
        self.userID = userID
        self.tenant = tenant
        self.status = .queued
        self.createdAt = Date()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        userID = try container.decode(String.self, forKey: .userID)
        tenant = ""
        status = try container.decode(Status.self, forKey: .status)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        finishedAt = try container.decodeIfPresent(Date.self, forKey: .finishedAt)
        hypothesesRevision = try container.decodeIfPresent(Int.self, forKey: .hypothesesRevision)
        hypothesisCount = try container.decodeIfPresent(Int.self, forKey: .hypothesisCount)
        error = try container.decodeIfPresent(String.self, forKey: .error)
    }
}
