/// The return of a random *answer* on an episode's own heights: the zero point of goal-directedness, as the
/// released `expected_return.py` draws it (two random blocks; a random configuration).
///
/// Computed exactly, as the mean over every possible answer, rather than by drawing one per Monte-Carlo
/// sample. The falling tower has no baseline in the released analysis; here it is giving up at the fall
/// (`<stop here>` at once), the answer that uses no persistence at all.
public enum RandomBaseline {
    /// The expected raw return of a random answer on `heights`; nil for capability subtasks.
    public static func expectedReturn(task: BlocksworldTask, heights: [Double], fallHeight: Int? = nil) -> Double? {
        switch task {
        case .informationGathering:
            let sums = TaskScoring.pairSums(heights)
            return sums.reduce(0, +) / Double(sums.count)
        case .cognitiveEffort, .planAndExecute, .full:
            let scores = TowerSplit.all(of: Block.first(heights.count)).map { $0.lowerHeight(heights: heights) }
            return scores.reduce(0, +) / Double(scores.count)
        case .fallingTower:
            return Double(fallHeight ?? 0)
        default:
            return nil
        }
    }

    /// The worst and best raw return on `heights`, for the normalised scale.
    public static func range(task: BlocksworldTask, heights: [Double]) -> ClosedRange<Double> {
        let values: [Double]
        switch task {
        case .informationGathering: values = TaskScoring.pairSums(heights)
        case .fallingTower, .buildTower: return 0...Double(heights.count)
        default: values = TowerSplit.all(of: Block.first(heights.count)).map { $0.lowerHeight(heights: heights) }
        }
        return (values.min() ?? 0)...(values.max() ?? 0)
    }
}
