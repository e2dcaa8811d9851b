/// How one episode ended: whether the task's own end was reached, its return in the paper's units and
/// normalised, and for capability subtasks what it reveals about the agent.
public struct EpisodeOutcome: Sendable, Hashable, Codable {
    /// The released `completed`; unfinished episodes are reported apart and left out of every mean.
    public var completed: Bool
    /// The return in the paper's units: cm for the tower tasks, blocks for the falling tower.
    public var rawReturn: Double?
    /// The return in [0, 1] against the scenario's worst and best answers.
    public var value: Double?
    /// Set for capability subtasks.
    public var capability: CapabilityObservation?

    public init(completed: Bool, rawReturn: Double? = nil, value: Double? = nil, capability: CapabilityObservation? = nil) {
        self.completed = completed
        self.rawReturn = rawReturn
        self.value = value
        self.capability = capability
    }
}
