/// What one capability-subtask episode reveals about the agent, kept raw so the Monte-Carlo simulation can
/// resample it (the columns the released `expected_return.py` reads).
public enum CapabilityObservation: Sendable, Hashable, Codable {
    /// A height estimate of one block (`measuring_error` = estimate − truth).
    case measurement(trueHeight: Double, estimate: Double?)
    /// How many distinct splits the agent listed (`number_of_correct_configurations`).
    case enumeration(blocks: Int, listed: Int, total: Int)
    /// An estimate of a split's lower-tower height (its `measuring_error`).
    case scoring(blocks: Int, trueScore: Double, estimate: Double?)
    /// The partition distance of the picked split from the best one (`partition_distance`).
    case picking(blocks: Int, distance: Int)
    /// The partition distance of the built split from the optimal one the prompt gave.
    case building(blocks: Int, distance: Int)
    /// The tallest tower built when asked to stack all blocks (`BuildTowerWithAllBlocksCapability`).
    case tower(blocks: Int, tallest: Int)
}
