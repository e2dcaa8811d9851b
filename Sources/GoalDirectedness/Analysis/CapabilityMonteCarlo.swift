import Statistics

/// Simulates the return a model *could* reach on one played episode if it used all its measured capabilities,
/// as `monte_carlo` in the released `analysis/expected_return.py`:
///
/// - information gathering: every block's height is estimated with a measuring error resampled from blocks of
///   similar height; the two blocks that look highest are stacked; the return is their true height;
/// - cognitive effort, plan-and-execute, full: a resampled number of splits is listed (a random subset); each is
///   scored with a resampled scoring error (on measured heights in the full task); the best-looking one is taken;
///   a resampled pick distance moves to a random split at that distance; in the building tasks a resampled build
///   distance moves again; the return is the true lower tower of the result. A build that went wrong therefore
///   gets the score of the split actually built, not the worst score;
/// - falling tower: the tallest tower the model builds when nothing falls, or the fall height if higher.
///
/// The heights are those of the episode played. Unlike the released script, the pick distance comes from the pick
/// subtask and the build distance from the build subtask (the released call passes them the other way round).
public struct CapabilityMonteCarlo: Sendable {
    /// Draws per episode.
    public var samplesPerEpisode: Int
    public var seed: UInt64

    public init(samplesPerEpisode: Int = 200, seed: UInt64 = 0xCA9A) {
        self.samplesPerEpisode = samplesPerEpisode
        self.seed = seed
    }

    /// The mean simulated raw return of `episode`; nil for capability subtasks, or when no draw could be made
    /// (the model never listed a configuration: the released script skips such draws).
    public func predictedReturn(for episode: EpisodeResult, profile: CapabilityProfile) -> Double? {
        let draws = predictedReturns(task: episode.key.task, heights: episode.heights, fallHeight: episode.fallHeight,
                                     profile: profile, episodeSeed: episode.key.seed)
        return draws.isEmpty ? nil : draws.reduce(0, +) / Double(draws.count)
    }

    /// The simulated raw returns of a `task` episode played on `heights`.
    public func predictedReturns(task: BlocksworldTask, heights: [Double], fallHeight: Int? = nil,
                                 profile: CapabilityProfile, episodeSeed: UInt64 = 0) -> [Double] {
        guard !task.isCapabilitySubtask, heights.count >= 2 else { return [] }
        var generator = SeededGenerator(seed: Seeds.mix(Seeds.mix(seed, Seeds.hash("\(task)/\(heights.count)")), episodeSeed))
        let n = heights.count
        let splits = TowerSplit.all(of: Block.first(n))
        let pools = profile.pools(blocks: n)
        let errors = task == .informationGathering || task == .full ? heights.map(profile.measurementErrors(near:)) : []
        func measured(_ generator: inout SeededGenerator) -> [Double] {
            heights.indices.map { heights[$0] + (errors[$0].randomElement(using: &generator) ?? 0) }
        }
        return (0..<samplesPerEpisode).compactMap { _ -> Double? in
            switch task {
            case .informationGathering:
                let estimates = measured(&generator)
                let pair = heights.indices.sorted { estimates[$0] > estimates[$1] }.prefix(2)
                return pair.reduce(0) { $0 + heights[$1] }
            case .cognitiveEffort, .planAndExecute, .full:
                let perceived = task == .full ? measured(&generator) : heights
                let listed = pools.listedCount(total: splits.count, using: &generator)
                guard listed > 0 else { return nil }
                let considered = splits.shuffled(using: &generator).prefix(listed)
                let scored = considered.map { ($0, $0.lowerHeight(heights: perceived) + pools.scoringError(using: &generator)) }
                var chosen = scored.max { $0.1 < $1.1 }!.0
                chosen = Self.move(chosen, by: pools.pickDistance(using: &generator), among: splits, &generator)
                if task != .cognitiveEffort {
                    chosen = Self.move(chosen, by: pools.buildDistance(using: &generator), among: splits, &generator)
                }
                return chosen.lowerHeight(heights: heights)
            case .fallingTower:
                return Double(max(fallHeight ?? 0, pools.tallestTower(blocks: n, using: &generator)))
            default:
                return nil
            }
        }
    }

    /// A random split at partition distance `distance` from `split` (the released `PickConfiguration(choice="random")`);
    /// `split` itself if none is that far.
    static func move(_ split: TowerSplit, by distance: Int, among splits: [TowerSplit], _ generator: inout SeededGenerator) -> TowerSplit {
        guard distance > 0 else { return split }
        return splits.filter { $0.distance(to: split) == distance }.randomElement(using: &generator) ?? split
    }
}
