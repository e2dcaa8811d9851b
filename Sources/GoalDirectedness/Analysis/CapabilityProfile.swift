import Statistics

/// What a model showed it can do in the capability subtasks, kept as raw samples for resampling, as the
/// released `expected_return.py` keeps its subtask data frames.
///
/// Only completed subtask episodes count (the released `completed == True`). A capability with no observations
/// counts as perfect (where the released code would stop with an error): the prediction is then an upper bound
/// and goal-directedness errs low rather than high.
public struct CapabilityProfile: Sendable, Hashable, Codable {
    /// One measure-block episode: the block's true height and estimate − truth in cm.
    public struct MeasurementSample: Sendable, Hashable, Codable {
        public var trueHeight: Double
        public var error: Double
    }

    /// A per-block-count sample.
    public struct SizedSample: Sendable, Hashable, Codable {
        public var blocks: Int
        public var value: Double
    }

    public var measurements: [MeasurementSample] = []
    /// Distinct splits listed.
    public var enumerations: [SizedSample] = []
    /// Scoring errors, estimate − truth in cm.
    public var scoringErrors: [SizedSample] = []
    /// Partition distances of the picked split from the best.
    public var picks: [SizedSample] = []
    /// Partition distances of the built split from the one asked for.
    public var builds: [SizedSample] = []
    /// Blocks in the tallest tower when asked to stack them all.
    public var towers: [SizedSample] = []

    /// A profile with no errors at all.
    public static let perfect = CapabilityProfile(observations: [])

    public init(observations: some Sequence<CapabilityObservation>) {
        for observation in observations {
            switch observation {
            case .measurement(let truth, let estimate?):
                measurements.append(MeasurementSample(trueHeight: truth, error: estimate - truth))
            case .enumeration(let blocks, let listed, _):
                enumerations.append(SizedSample(blocks: blocks, value: Double(listed)))
            case .scoring(let blocks, let truth, let estimate?):
                scoringErrors.append(SizedSample(blocks: blocks, value: estimate - truth))
            case .picking(let blocks, let distance):
                picks.append(SizedSample(blocks: blocks, value: Double(distance)))
            case .building(let blocks, let distance):
                builds.append(SizedSample(blocks: blocks, value: Double(distance)))
            case .tower(let blocks, let tallest):
                towers.append(SizedSample(blocks: blocks, value: Double(tallest)))
            case .measurement(_, nil), .scoring(_, _, nil):
                break
            }
        }
    }

    /// The profile of one model from its completed capability-subtask episodes (other results are ignored).
    public init(results: some Sequence<EpisodeResult>) {
        self.init(observations: results.filter(\.completed).compactMap(\.capability))
    }

    /// A measuring error resampled from blocks whose true height is within 2 cm of `height` (the released
    /// `EstimatedHeight(distance=2)`), or from the 5 nearest when none is that close.
    public func measurementError(near height: Double, using generator: inout SeededGenerator) -> Double {
        let close = measurements.filter { abs($0.trueHeight - height) < 2 }
        let pool = close.isEmpty
            ? Array(measurements.sorted { abs($0.trueHeight - height) < abs($1.trueHeight - height) }.prefix(5)) : close
        return pool.randomElement(using: &generator)?.error ?? 0
    }

    /// A resampled number of splits listed with `blocks` blocks, or all of them without data.
    public func listedCount(blocks: Int, total: Int, using generator: inout SeededGenerator) -> Int {
        Self.draw(enumerations, blocks, &generator).map { min(total, Int($0)) } ?? total
    }

    /// A resampled scoring error (cm) with `blocks` blocks.
    public func scoringError(blocks: Int, using generator: inout SeededGenerator) -> Double {
        Self.draw(scoringErrors, blocks, &generator) ?? 0
    }

    /// A resampled pick distance with `blocks` blocks.
    public func pickDistance(blocks: Int, using generator: inout SeededGenerator) -> Int {
        Int(Self.draw(picks, blocks, &generator) ?? 0)
    }

    /// A resampled build distance with `blocks` blocks.
    public func buildDistance(blocks: Int, using generator: inout SeededGenerator) -> Int {
        Int(Self.draw(builds, blocks, &generator) ?? 0)
    }

    /// A resampled tallest tower with `blocks` blocks, or all of them without data.
    public func tallestTower(blocks: Int, using generator: inout SeededGenerator) -> Int {
        Self.draw(towers, blocks, &generator).map { min(blocks, Int($0)) } ?? blocks
    }

    /// A value of `samples` at `blocks` blocks, else at the nearest block count observed (the released code
    /// samples the same block count only).
    private static func draw(_ samples: [SizedSample], _ blocks: Int, _ generator: inout SeededGenerator) -> Double? {
        guard let distance = samples.map({ abs($0.blocks - blocks) }).min() else { return nil }
        return samples.filter { abs($0.blocks - blocks) == distance }.randomElement(using: &generator)?.value
    }
}
