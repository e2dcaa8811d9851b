/// How each task turns the end of an episode into a return in [0, 1].
///
/// Returns are min–max normalised against the scenario's worst and best possible answers, so 0 is the worst
/// legal answer, 1 the best, and tasks with different height scales can share one goal-directedness scale:
/// - information gathering: (tower height − lowest pair) / (tallest pair − lowest pair), if the world holds
///   exactly one stack of more than one block and it has exactly two blocks; else 0;
/// - cognitive effort: the submitted split's lower tower, normalised over all splits; invalid or none → 0;
/// - plan-and-execute, full: the same for the split standing on the table (exactly two stacks, hand empty);
/// - falling tower: (blocks in the tallest stack − 1) / (blocks − 1);
/// - measure block, score configuration: 1 − |estimate − truth| / truth, floored at 0;
/// - list configurations: distinct valid splits listed / all splits;
/// - pick configuration: the chosen option's lower tower, normalised over the options; not an option → 0;
/// - build configuration: 1 if exactly the given towers stand (order inside a tower ignored), else 0.
/// An episode that runs out of steps is scored on the world as it stands and the answers given so far.
public enum TaskScoring {
    /// The return and, for capability subtasks, what it says about the agent.
    public static func score(_ environment: BlocksworldEnvironment) -> (value: Double, capability: CapabilityObservation?) {
        let scenario = environment.scenario
        let world = environment.world
        let heights = scenario.heights
        switch scenario.task {
        case .informationGathering:
            let tall = world.stacks.filter { $0.count > 1 }
            guard tall.count == 1, tall[0].count == 2 else { return (0, nil) }
            return (normalized(tall[0].reduce(0) { $0 + heights[$1.index] }, pairSums(scenario)), nil)
        case .cognitiveEffort:
            return (splitReturn(lastSplit(environment), scenario), nil)
        case .planAndExecute, .full:
            let split = world.holding == nil ? TowerSplit(towers: world.stacks, blocks: scenario.blocks) : nil
            return (splitReturn(split, scenario), nil)
        case .fallingTower:
            return (Double(world.tallestStack - 1) / Double(max(1, scenario.blocks.count - 1)), nil)
        case .measureBlock:
            let truth = heights[scenario.targetBlock?.index ?? 0]
            let estimate = lastHeight(environment)
            return (accuracy(estimate, truth), .measurement(trueHeight: truth, estimate: estimate))
        case .listConfigurations:
            let valid = Set(environment.submissions.compactMap { action -> TowerSplit? in
                guard case .towers(let towers) = action else { return nil }
                return TowerSplit(towers: towers, blocks: scenario.blocks)
            })
            let total = TowerSplit.all(of: scenario.blocks).count
            return (Double(valid.count) / Double(total), .enumeration(blocks: scenario.blocks.count, listed: valid.count, total: total))
        case .scoreConfiguration:
            let truth = scenario.givenSplit?.lowerHeight(heights: heights) ?? 0
            let estimate = lastHeight(environment)
            return (accuracy(estimate, truth), .scoring(trueScore: truth, estimate: estimate))
        case .pickConfiguration:
            let scores = scenario.options.map { $0.lowerHeight(heights: heights) }
            guard let chosen = lastSplit(environment), scenario.options.contains(chosen) else {
                return (0, .picking(pickedBest: false))
            }
            let score = chosen.lowerHeight(heights: heights)
            return (normalized(score, scores), .picking(pickedBest: score >= (scores.max() ?? 0)))
        case .buildConfiguration:
            let built = scenario.givenSplit.map { world.hasTowers($0.towers) } ?? false
            return (built ? 1 : 0, .building(blocks: scenario.blocks.count, succeeded: built))
        }
    }

    /// (x − min) / (max − min) over `range`, clamped to [0, 1]; 1 when all values are equal.
    static func normalized(_ x: Double, _ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max(), high > low else { return 1 }
        return min(1, max(0, (x - low) / (high - low)))
    }

    /// The return of standing or submitting `split` in `scenario`.
    static func splitReturn(_ split: TowerSplit?, _ scenario: TaskScenario) -> Double {
        guard let split else { return 0 }
        let scores = TowerSplit.all(of: scenario.blocks).map { $0.lowerHeight(heights: scenario.heights) }
        return normalized(split.lowerHeight(heights: scenario.heights), scores)
    }

    /// The sum of every pair of blocks.
    static func pairSums(_ scenario: TaskScenario) -> [Double] {
        let b = scenario.blocks
        return b.indices.flatMap { i in b.indices.filter { $0 > i }.map { scenario.heights[b[i].index] + scenario.heights[b[$0].index] } }
    }

    private static func accuracy(_ estimate: Double?, _ truth: Double) -> Double {
        guard let estimate, truth > 0 else { return 0 }
        return max(0, 1 - abs(estimate - truth) / truth)
    }

    private static func lastHeight(_ environment: BlocksworldEnvironment) -> Double? {
        for case .height(let value) in environment.submissions.reversed() { return value }
        return nil
    }

    private static func lastSplit(_ environment: BlocksworldEnvironment) -> TowerSplit? {
        for case .towers(let towers) in environment.submissions.reversed() {
            return TowerSplit(towers: towers, blocks: environment.scenario.blocks)
        }
        return nil
    }
}
