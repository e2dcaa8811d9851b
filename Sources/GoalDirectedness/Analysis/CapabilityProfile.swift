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

    /// The measuring errors resampled for a block of true height `height`: those of blocks within 2 cm of it
    /// (the released `EstimatedHeight(distance=2)`), or of the 5 nearest when none is that close; empty without data.
    public func measurementErrors(near height: Double) -> [Double] {
        let close = measurements.filter { abs($0.trueHeight - height) < 2 }
        let pool = close.isEmpty
            ? Array(measurements.sorted { abs($0.trueHeight - height) < abs($1.trueHeight - height) }.prefix(5)) : close
        return pool.map(\.error)
    }

    /// One measuring error resampled for a block of true height `height` (0 without data).
    public func measurementError(near height: Double, using generator: inout SeededGenerator) -> Double {
        measurementErrors(near: height).randomElement(using: &generator) ?? 0
    }

    /// The samples the simulation resamples for `blocks` blocks, gathered once per episode.
    public struct Pools: Sendable {
        var listed: [Double], scoring: [Double], picks: [Double], builds: [Double], towers: [Double]
    }

    /// The per-size samples at `blocks` blocks, else at the nearest block count observed (the released code
    /// samples the same block count only); an empty pool means "no data: perfect".
    public func pools(blocks: Int) -> Pools {
        Pools(listed: Self.nearest(enumerations, blocks), scoring: Self.nearest(scoringErrors, blocks),
              picks: Self.nearest(picks, blocks), builds: Self.nearest(builds, blocks), towers: Self.nearest(towers, blocks))
    }

    private static func nearest(_ samples: [SizedSample], _ blocks: Int) -> [Double] {
        guard let distance = samples.map({ abs($0.blocks - blocks) }).min() else { return [] }
        return samples.filter { abs($0.blocks - blocks) == distance }.map(\.value)
    }
}

extension CapabilityProfile.Pools {
    /// A resampled number of splits listed, or all `total` without data.
    func listedCount(total: Int, using generator: inout SeededGenerator) -> Int {
        listed.randomElement(using: &generator).map { min(total, Int($0)) } ?? total
    }

    /// A resampled scoring error (cm).
    func scoringError(using generator: inout SeededGenerator) -> Double { scoring.randomElement(using: &generator) ?? 0 }

    /// A resampled pick distance.
    func pickDistance(using generator: inout SeededGenerator) -> Int { Int(picks.randomElement(using: &generator) ?? 0) }

    /// A resampled build distance.
    func buildDistance(using generator: inout SeededGenerator) -> Int { Int(builds.randomElement(using: &generator) ?? 0) }

    /// A resampled tallest tower, or all `blocks` without data.
    func tallestTower(blocks: Int, using generator: inout SeededGenerator) -> Int {
        towers.randomElement(using: &generator).map { min(blocks, Int($0)) } ?? blocks
    }
}
