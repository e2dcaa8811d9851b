import Foundation

/// A re-inference job as the store keeps it, so every replica can read it and a job outlives the process
/// that accepted it: `queued` → `running` (under a lease) → `succeeded` or `failed`.
public struct StoredJob: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case queued, running, succeeded, failed

        /// Queued or running: the job still holds its user's slot.
        public var isActive: Bool { self == .queued || self == .running }
    }

    public var id: String
    public var tenant: TenantID
    public var userID: String
    public var status: Status
    public var createdAt: Date
    /// When a worker first took the job.
    public var startedAt: Date?
    public var finishedAt: Date?
    /// How many times a worker took the job; more than one means a worker died or handed it back.
    public var attempts: Int
    /// The worker (a replica's random id) holding the job while it runs.
    public var leaseOwner: String?
    /// Until when ``leaseOwner`` holds the job; past it, another worker may take it over.
    public var leaseExpiresAt: Date?
    /// The revision of the saved hypothesis set, once succeeded.
    public var hypothesesRevision: Int?
    /// How many hypotheses the saved set holds, once succeeded.
    public var hypothesisCount: Int?
    /// What went wrong, once failed.
    public var error: String?

    public init(
        id: String, tenant: TenantID, userID: String, status: Status = .queued, createdAt: Date = Date(),
        startedAt: Date? = nil, finishedAt: Date? = nil, attempts: Int = 0, leaseOwner: String? = nil,
        leaseExpiresAt: Date? = nil, hypothesesRevision: Int? = nil, hypothesisCount: Int? = nil, error: String? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.userID = userID
        self.status = status
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.hypothesesRevision = hypothesesRevision
        self.hypothesisCount = hypothesisCount
        self.error = error
    }

    /// A fresh job id: `job_` and 32 hex digits.
    public static func newID() -> String {
        "job_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The message of a job given up on because its workers kept dying.
    public static func abandonedMessage(attempts: Int) -> String {
        "the job's worker stopped \(attempts) times without finishing it; giving up"
    }
}
