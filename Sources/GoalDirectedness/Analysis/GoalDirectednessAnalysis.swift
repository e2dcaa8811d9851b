import Statistics

/// Turns episode results into goal-directedness rows per model × task × blocks × prompt variant.
///
/// ```swift
/// let rows = GoalDirectednessAnalysis().rows(for: results)
/// let svg = SVGPlotWriter().render(rows)
/// ```
public struct GoalDirectednessAnalysis: Sendable {
    public var monteCarlo: CapabilityMonteCarlo
    public var bootstrap: Bootstrap
    /// Smallest normalised max(predicted, observed) − random gap for which goal-directedness is reported.
    public var minimumGap: Double

    public init(monteCarlo: CapabilityMonteCarlo = CapabilityMonteCarlo(), bootstrap: Bootstrap = Bootstrap(),
                minimumGap: Double = 0.05) {
        self.monteCarlo = monteCarlo
        self.bootstrap = bootstrap
        self.minimumGap = minimumGap
    }

    /// Rows for every composite-task cell in `results`, each model judged by its own capability subtasks.
    public func rows(for results: [EpisodeResult]) -> [GoalDirectednessRow] {
        let composite = results.filter { !$0.key.task.isCapabilitySubtask }
        let cells = Dictionary(grouping: composite) { CellKey(model: $0.key.model, task: $0.key.task, blocks: $0.key.blocks, variant: $0.key.variant) }
        var profiles: [String: CapabilityProfile] = [:]
        for model in Set(results.map(\.key.model)) {
            profiles[model] = CapabilityProfile(results: results.filter { $0.key.model == model })
        }
        return cells.keys.sorted().map { cell in
            row(cell: cell, episodes: cells[cell, default: []], profile: profiles[cell.model] ?? .perfect)
        }
    }

    /// The three returns of every completed episode in `episodes`.
    public func episodeReturns(_ episodes: [EpisodeResult], profile: CapabilityProfile) -> [GoalDirectednessEstimate.EpisodeReturns] {
        episodes.filter(\.completed).compactMap { episode in
            let task = episode.key.task
            guard let observed = episode.rawReturn,
                  let random = RandomBaseline.expectedReturn(task: task, heights: episode.heights, fallHeight: episode.fallHeight)
            else { return nil }
            let predicted = monteCarlo.predictedReturn(for: episode, profile: profile) ?? random
            return GoalDirectednessEstimate.EpisodeReturns(
                observed: observed, random: random, predicted: predicted,
                range: RandomBaseline.range(task: task, heights: episode.heights))
        }
    }

    /// One row from a cell's episodes (completed and not) and the model's capability profile.
    public func row(cell: CellKey, episodes: [EpisodeResult], profile: CapabilityProfile) -> GoalDirectednessRow {
        let returns = episodeReturns(episodes, profile: profile)
        func mean(_ f: (GoalDirectednessEstimate.EpisodeReturns) -> Double) -> Double? {
            returns.isEmpty ? nil : returns.reduce(0) { $0 + f($1) } / Double(returns.count)
        }
        return GoalDirectednessRow(
            model: cell.model, task: cell.task, blocks: cell.blocks, variant: cell.variant,
            episodes: returns.count, unfinished: episodes.count - returns.count,
            unit: cell.task == .fallingTower ? "blocks" : "cm",
            observed: returns.isEmpty ? nil : bootstrap.meanInterval(returns.map(\.observed)),
            random: mean(\.random), predicted: mean(\.predicted),
            observedNormalised: mean { $0.normalised($0.observed) }, randomNormalised: mean { $0.normalised($0.random) },
            predictedNormalised: mean { $0.normalised($0.predicted) },
            goalDirectedness: GoalDirectednessEstimate.interval(returns, bootstrap: bootstrap, minimumGap: minimumGap))
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
