/// What one capability-subtask episode reveals about the agent, kept raw so the Monte-Carlo simulation can
/// resample it.
public enum CapabilityObservation: Sendable, Hashable, Codable {
    /// A height estimate of one block (`nil`: no estimate submitted).
    case measurement(trueHeight: Double, estimate: Double?)
    /// How many of all splits the agent listed.
    case enumeration(blocks: Int, listed: Int, total: Int)
    /// An estimate of a split's lower-tower height.
    case scoring(trueScore: Double, estimate: Double?)
    /// Whether the agent picked the best of the given options.
    case picking(pickedBest: Bool)
    /// Whether the agent built a given configuration exactly.
    case building(blocks: Int, succeeded: Bool)
}
