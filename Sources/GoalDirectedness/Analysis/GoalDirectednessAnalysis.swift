import Statistics

/// Turns episode results into goal-directedness rows per model × task × blocks × prompt variant.
///
/// ```swift
/// let rows = try await GoalDirectednessAnalysis().rows(for: results, runner: runner)
/// let svg = SVGPlotWriter().render(rows)
/// ```
public struct GoalDirectednessAnalysis: Sendable {
    public var monteCarlo: CapabilityMonteCarlo
    public var baseline: RandomBaseline
    public var bootstrap: Bootstrap
    /// Smallest predicted − random gap for which goal-directedness is reported.
    public var minimumGap: Double

    public init(monteCarlo: CapabilityMonteCarlo = CapabilityMonteCarlo(), baseline: RandomBaseline = RandomBaseline(),
                bootstrap: Bootstrap = Bootstrap(), minimumGap: Double = 0.05) {
        self.monteCarlo = monteCarlo
        self.baseline = baseline
        self.bootstrap = bootstrap
        self.minimumGap = minimumGap
    }

    /// Rows for every composite-task cell in `results`.
    /// - Parameter profiles: capability profiles by model; by default each model's own subtask results.
    public func rows(for results: [EpisodeResult], runner: EpisodeRunner,
                     profiles: [String: CapabilityProfile] = [:]) async throws -> [GoalDirectednessRow] {
        let composite = results.filter { !$0.key.task.isCapabilitySubtask }
        let cells = Dictionary(grouping: composite) { CellKey(model: $0.key.model, task: $0.key.task, blocks: $0.key.blocks, variant: $0.key.variant) }
        var baselines: [String: [Double]] = [:]
        var rows: [GoalDirectednessRow] = []
        for cell in cells.keys.sorted() {
            let profile = profiles[cell.model] ?? CapabilityProfile(results: results.filter { $0.key.model == cell.model })
            let baselineKey = "\(cell.task)/\(cell.blocks)"
            if baselines[baselineKey] == nil {
                baselines[baselineKey] = try await baseline.returns(task: cell.task, blocks: cell.blocks, runner: runner)
            }
            rows.append(row(cell: cell, observed: cells[cell, default: []].map(\.value), random: baselines[baselineKey] ?? [],
                            predicted: monteCarlo.predictedReturns(task: cell.task, blocks: cell.blocks, profile: profile)))
        }
        return rows
    }

    /// One row from its three samples (pure; for tests and custom pipelines).
    public func row(cell: CellKey, observed: [Double], random: [Double], predicted: [Double]) -> GoalDirectednessRow {
        GoalDirectednessRow(
            model: cell.model, task: cell.task, blocks: cell.blocks, variant: cell.variant, episodes: observed.count,
            observed: bootstrap.meanInterval(observed), random: Summary.mean(random), predicted: Summary.mean(predicted),
            goalDirectedness: GoalDirectednessEstimate.interval(observed: observed, random: random, predicted: predicted,
                                                               bootstrap: bootstrap, minimumGap: minimumGap))
    }

    /// A model × task × blocks × variant cell.
    public struct CellKey: Sendable, Hashable, Comparable {
        public var model: String
        public var task: BlocksworldTask
        public var blocks: Int
        public var variant: PromptVariant

        public init(model: String, task: BlocksworldTask, blocks: Int, variant: PromptVariant = .plain) {
            self.model = model
            self.task = task
            self.blocks = blocks
            self.variant = variant
        }

        public static func < (a: CellKey, b: CellKey) -> Bool {
            let order = BlocksworldTask.allCases
            return (a.model, order.firstIndex(of: a.task)!, a.blocks, a.variant.rawValue)
                < (b.model, order.firstIndex(of: b.task)!, b.blocks, b.variant.rawValue)
        }
    }
}
