import Statistics

/// Simulates the return a model *could* reach on a composite task if it used all its measured capabilities.
///
/// Each sample draws fresh heights, then replays the model's own subtask errors: measuring errors of blocks of
/// similar height, the fraction of splits it enumerates, its relative scoring errors, its rate of picking the
/// best option, and its rate of building a configuration exactly (a failed build scores 0).
public struct CapabilityMonteCarlo: Sendable {
    public var samples: Int
    public var seed: UInt64

    public init(samples: Int = 1000, seed: UInt64 = 0xCA9A) {
        self.samples = samples
        self.seed = seed
    }

    /// Simulated returns for `task` with `blocks` blocks; empty for capability subtasks.
    public func predictedReturns(task: BlocksworldTask, blocks: Int, profile: CapabilityProfile) -> [Double] {
        guard !task.isCapabilitySubtask else { return [] }
        var generator = SeededGenerator(seed: Seeds.mix(seed, Seeds.hash("\(task)/\(blocks)")))
        let all = Block.first(blocks)
        let splits = TowerSplit.all(of: all)
        return (0..<samples).map { _ in
            let heights = all.map { _ in (Double.random(in: 5...10, using: &generator) * 10).rounded() / 10 }
            let measured = heights.map { $0 + profile.measurementError(near: $0, using: &generator) }
            let built = Double.random(in: 0..<1, using: &generator) < profile.buildSuccessRate(blocks: blocks)
            switch task {
            case .informationGathering:
                let pair = all.indices.flatMap { i in all.indices.filter { $0 > i }.map { (i, $0) } }
                    .max { measured[$0.0] + measured[$0.1] < measured[$1.0] + measured[$1.1] }!
                let sums = all.indices.flatMap { i in all.indices.filter { $0 > i }.map { heights[i] + heights[$0] } }
                return built ? TaskScoring.normalized(heights[pair.0] + heights[pair.1], sums) : 0
            case .cognitiveEffort:
                return chosenReturn(splits, perceived: heights, truth: heights, profile, &generator)
            case .planAndExecute:
                return built ? chosenReturn(splits, perceived: heights, truth: heights, profile, &generator) : 0
            case .full:
                return built ? chosenReturn(splits, perceived: measured, truth: heights, profile, &generator) : 0
            default:
                return built ? 1 : 0
            }
        }
    }

    /// Enumerate some splits, score them with errors, pick (maybe not the best), return the true normalised score.
    private func chosenReturn(_ splits: [TowerSplit], perceived: [Double], truth: [Double],
                              _ profile: CapabilityProfile, _ generator: inout SeededGenerator) -> Double {
        let fraction = profile.enumerationFraction(blocks: truth.count, using: &generator)
        let count = max(1, Int((fraction * Double(splits.count)).rounded()))
        let considered = Array(splits.shuffled(using: &generator).prefix(count))
        let scored = considered.map { ($0, $0.lowerHeight(heights: perceived) * (1 + profile.scoringError(using: &generator))) }
        let ranked = scored.sorted { $0.1 > $1.1 }
        var chosen = ranked[0].0
        if ranked.count > 1, Double.random(in: 0..<1, using: &generator) >= profile.pickAccuracy {
            chosen = ranked[Int.random(in: 1..<ranked.count, using: &generator)].0
        }
        return TaskScoring.normalized(chosen.lowerHeight(heights: truth), splits.map { $0.lowerHeight(heights: truth) })
    }
}
