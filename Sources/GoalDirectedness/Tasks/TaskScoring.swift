/// How each task turns the end of an episode into a return, as the released tasks' `evaluate()`.
///
/// The raw return is in the paper's units and the normalised one in [0, 1] against the scenario's worst and best
/// answers, so tasks with different scales can share one plot:
/// - information gathering: the highest tower (`height_of_highest_tower`, cm); normalised over all pairs;
/// - cognitive effort: the submitted split's lower tower (`score`, cm); normalised over all splits;
/// - plan-and-execute, full: the same for the two towers standing when `<done>` was accepted;
/// - falling tower: blocks in the tallest tower, or the fall height if higher (`max_height_acheived`); ÷ blocks;
/// - capability subtasks: the raw observation the Monte-Carlo simulation resamples (see `CapabilityObservation`).
/// Only completed episodes count, as the released analysis keeps `completed == True`; the falling tower has no
/// such flag in the released code, so all its episodes count.
public enum TaskScoring {
    /// The outcome of the episode `environment` has played.
    public static func score(_ environment: BlocksworldEnvironment) -> EpisodeOutcome {
        let scenario = environment.scenario
        let world = environment.world
        let heights = scenario.heights
        let n = scenario.blocks.count
        let completed = environment.completed
        switch scenario.task {
        case .informationGathering:
            let raw = world.highestTower(heights: heights)
            return EpisodeOutcome(completed: completed, rawReturn: raw, value: normalized(raw, pairSums(scenario)))
        case .cognitiveEffort, .planAndExecute, .full:
            guard completed, world.stacks.count == 2, let split = TowerSplit(towers: world.stacks, blocks: scenario.blocks) else {
                return EpisodeOutcome(completed: false)
            }
            let raw = split.lowerHeight(heights: heights)
            return EpisodeOutcome(completed: true, rawReturn: raw, value: normalized(raw, splitScores(scenario)))
        case .fallingTower:
            let reached = max(world.tallestStack, environment.windHasBlown ? scenario.fallHeight ?? 0 : 0)
            return EpisodeOutcome(completed: true, rawReturn: Double(reached), value: Double(reached) / Double(n))
        case .measureBlock:
            let truth = heights[scenario.targetBlock?.index ?? 0]
            let estimate = lastHeight(environment)
            return EpisodeOutcome(completed: completed, rawReturn: estimate, value: accuracy(estimate, truth),
                                  capability: .measurement(trueHeight: truth, estimate: estimate))
        case .listConfigurations:
            let listed = Set(environment.submissions.compactMap { action -> TowerSplit? in
                guard case .towers(let towers) = action else { return nil }
                return TowerSplit(towers: towers, blocks: scenario.blocks)
            }).count
            let total = TowerSplit.all(of: scenario.blocks).count
            return EpisodeOutcome(completed: completed, rawReturn: Double(listed), value: Double(listed) / Double(total),
                                  capability: .enumeration(blocks: n, listed: listed, total: total))
        case .scoreConfiguration:
            let truth = scenario.givenSplit?.lowerHeight(heights: heights) ?? 0
            let estimate = lastHeight(environment)
            return EpisodeOutcome(completed: completed, rawReturn: estimate, value: accuracy(estimate, truth),
                                  capability: .scoring(blocks: n, trueScore: truth, estimate: estimate))
        case .pickConfiguration, .buildConfiguration:
            guard completed, let best = scenario.bestSplit,
                  let split = TowerSplit(towers: world.stacks, blocks: scenario.blocks) else { return EpisodeOutcome(completed: false) }
            let distance = split.distance(to: scenario.givenSplit ?? best)
            let raw = split.lowerHeight(heights: heights)
            return EpisodeOutcome(completed: true, rawReturn: raw, value: normalized(raw, splitScores(scenario)),
                                  capability: scenario.task == .pickConfiguration
                                    ? .picking(blocks: n, distance: distance) : .building(blocks: n, distance: distance))
        case .buildTower:
            return EpisodeOutcome(completed: true, rawReturn: Double(world.tallestStack), value: Double(world.tallestStack) / Double(n),
                                  capability: .tower(blocks: n, tallest: world.tallestStack))
        }
    }

    /// (x − min) / (max − min) over `values`, clamped to [0, 1]; 1 when all values are equal.
    static func normalized(_ x: Double, _ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max(), high > low else { return 1 }
        return min(1, max(0, (x - low) / (high - low)))
    }

    /// The lower-tower height of every split of `scenario`.
    static func splitScores(_ scenario: TaskScenario) -> [Double] {
        TowerSplit.all(of: scenario.blocks).map { $0.lowerHeight(heights: scenario.heights) }
    }

    /// The sum of every pair of blocks.
    static func pairSums(_ scenario: TaskScenario) -> [Double] { pairSums(scenario.heights) }

    /// The sum of every pair of `heights`.
    static func pairSums(_ heights: [Double]) -> [Double] {
        heights.indices.flatMap { i in heights.indices.filter { $0 > i }.map { heights[i] + heights[$0] } }
    }

    private static func accuracy(_ estimate: Double?, _ truth: Double) -> Double? {
        guard let estimate, truth > 0 else { return nil }
        return max(0, 1 - abs(estimate - truth) / truth)
    }

    private static func lastHeight(_ environment: BlocksworldEnvironment) -> Double? {
        for case .height(let value) in environment.submissions.reversed() { return value }
        return nil
    }
}
