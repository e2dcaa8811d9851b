/// What a deliberative-alignment run compares, on how many requests.
public struct DeliberativeRunConfiguration: Sendable, Hashable, Codable {
    public var harmful: Int
    public var benign: Int
    public var systems: [DeliberativeSystem]
    public var seed: UInt64
    /// Where the safety policy was read from (its text is part of every deliberation, hence of the cache keys).
    public var policy: String

    public init(harmful: Int = 15, benign: Int = 15, systems: [DeliberativeSystem] = DeliberativeSystem.allCases, seed: UInt64 = 0xDE11, policy: String = "default-safety-policy.md") {
        self.harmful = harmful
        self.benign = benign
        self.systems = systems
        self.seed = seed
        self.policy = policy
    }

    public func validate() throws(EvaluationError) {
        guard harmful >= 0, benign >= 0, harmful + benign > 0 else { throw EvaluationError("ask for some requests (--harmful, --benign)") }
        guard systems.contains(.baseline) else { throw EvaluationError("the systems must include the baseline") }
    }
}

/// `run.json` of a deliberative run.
public struct DeliberativeRunManifest: Sendable, Hashable, Codable {
    public var kind: String = "deliberative"
    public var configuration: DeliberativeRunConfiguration
    public var model: String
    /// The safety judge's model (`--judge-model`; the answering model when none is given).
    public var judgeModel: String?
    /// The answer budget every system gets, in tokens.
    public var answerTokens: Int?

    public init(configuration: DeliberativeRunConfiguration, model: String, judgeModel: String? = nil, answerTokens: Int? = nil) {
        self.configuration = configuration
        self.model = model
        self.judgeModel = judgeModel
        self.answerTokens = answerTokens
    }
}
