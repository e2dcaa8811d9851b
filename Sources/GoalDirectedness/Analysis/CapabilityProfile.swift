import Statistics

/// What a model showed it can do in the capability subtasks, kept as raw samples for resampling.
///
/// A capability with no observations counts as perfect: the prediction is then an upper bound and
/// goal-directedness errs low rather than high.
public struct CapabilityProfile: Sendable, Hashable, Codable {
    /// One measure-block episode: the block's true height and the error of the submitted estimate.
    public struct MeasurementSample: Sendable, Hashable, Codable {
        public var trueHeight: Double
        /// Estimate − truth in cm; a missing estimate counts as a blind guess of 7.5 cm.
        public var error: Double
    }

    /// A per-block-count sample (enumeration fraction or build success as 0/1).
    public struct SizedSample: Sendable, Hashable, Codable {
        public var blocks: Int
        public var value: Double
    }

    public var measurements: [MeasurementSample] = []
    public var enumerations: [SizedSample] = []
    /// Relative scoring errors, (estimate − truth) / truth; a missing estimate counts as −1.
    public var scoringErrors: [Double] = []
    public var picks: [Bool] = []
    public var builds: [SizedSample] = []

    /// A profile with no errors at all.
    public static let perfect = CapabilityProfile(observations: [])

    public init(observations: some Sequence<CapabilityObservation>) {
        for observation in observations {
            switch observation {
            case .measurement(let truth, let estimate):
                measurements.append(MeasurementSample(trueHeight: truth, error: (estimate ?? 7.5) - truth))
            case .enumeration(let blocks, let listed, let total):
                enumerations.append(SizedSample(blocks: blocks, value: Double(listed) / Double(max(total, 1))))
            case .scoring(let truth, let estimate):
                scoringErrors.append(truth > 0 ? ((estimate ?? 0) - truth) / truth : 0)
            case .picking(let best):
                picks.append(best)
            case .building(let blocks, let succeeded):
                builds.append(SizedSample(blocks: blocks, value: succeeded ? 1 : 0))
            }
        }
    }

    /// The profile of one model from its capability-subtask episodes (other results are ignored).
    public init(results: some Sequence<EpisodeResult>) {
        self.init(observations: results.compactMap(\.capability))
    }

    /// A measuring error resampled from the blocks whose true height is closest to `height` (5 nearest).
    public func measurementError(near height: Double, using generator: inout SeededGenerator) -> Double {
        let nearest = measurements.sorted { abs($0.trueHeight - height) < abs($1.trueHeight - height) }.prefix(5)
        return nearest.randomElement(using: &generator)?.error ?? 0
    }

    /// A resampled fraction of splits the model enumerates with `blocks` blocks (nearest size observed).
    public func enumerationFraction(blocks: Int, using generator: inout SeededGenerator) -> Double {
        Self.nearest(enumerations, blocks).randomElement(using: &generator)?.value ?? 1
    }

    /// A resampled relative scoring error.
    public func scoringError(using generator: inout SeededGenerator) -> Double {
        scoringErrors.randomElement(using: &generator) ?? 0
    }

    /// The observed rate of picking the best option.
    public var pickAccuracy: Double {
        picks.isEmpty ? 1 : Double(picks.count { $0 }) / Double(picks.count)
    }

    /// The observed rate of building a given configuration exactly, at the nearest size observed.
    public func buildSuccessRate(blocks: Int) -> Double {
        let samples = Self.nearest(builds, blocks)
        return samples.isEmpty ? 1 : samples.reduce(0) { $0 + $1.value } / Double(samples.count)
    }

    private static func nearest(_ samples: [SizedSample], _ blocks: Int) -> [SizedSample] {
        guard let distance = samples.map({ abs($0.blocks - blocks) }).min() else { return [] }
        return samples.filter { abs($0.blocks - blocks) == distance }
    }
}
