import RunFolders

/// Runs a grid with bounded concurrency, skipping episodes already in the store.
///
/// ```swift
/// let store = try ResultStore(url: URL(filePath: "results.jsonl"))
/// let grid = EvaluationGrid(models: ["gpt-x"], seeds: 0..<30)
/// let results = try await GridRunner(runner: try EpisodeRunner(), store: store)
///     .run(grid, agents: ["gpt-x": ChatAgent(model: client)])
/// ```
public struct GridRunner: Sendable {
    public var runner: EpisodeRunner
    public var store: ResultStore?
    public var maximumConcurrentEpisodes: Int

    public init(runner: EpisodeRunner, store: ResultStore? = nil, maximumConcurrentEpisodes: Int = 4) {
        self.runner = runner
        self.store = store
        self.maximumConcurrentEpisodes = max(1, maximumConcurrentEpisodes)
    }

    /// Runs every unfinished episode of `grid` and returns all results (cached and new) in key order.
    /// - Throws: `GoalDirectednessError.missingAgent` before starting if a model has no agent; otherwise the
    ///   first agent or store failure (episodes finished before it are kept in the store).
    /// - Parameter progress: told the stored episodes first, then each finished one, with an ETA.
    public func run(
        _ grid: EvaluationGrid, agents: [String: any BlocksworldAgent], progress: @escaping ProgressHandler = { _ in }
    ) async throws -> [EpisodeResult] {
        for model in grid.models where agents[model] == nil { throw GoalDirectednessError.missingAgent(model) }
        var results: [EpisodeKey: EpisodeResult] = [:]
        var pending: [EpisodeKey] = []
        for key in grid.keys {
            if let store, await store.contains(key) { continue }
            pending.append(key)
        }
        if let store {
            let keys = Set(grid.keys)
            for result in await store.all() where keys.contains(result.key) { results[result.key] = result }
        }
        try await withThrowingTaskGroup(of: EpisodeResult.self) { group in
            var iterator = pending.makeIterator()
            func startNext() {
                guard let key = iterator.next(), let agent = agents[key.model] else { return }
                group.addTask { try await runner.run(key, agent: agent) }
            }
            let total = grid.keys.count
            let tracker = ProgressTracker(phase: "episodes", total: total, handler: progress)
            tracker.resumed(total - pending.count)
            for _ in 0..<maximumConcurrentEpisodes { startNext() }
            while let result = try await group.next() {
                try await store?.record(result)
                results[result.key] = result
                tracker.step()
                startNext()
            }
        }
        return results.values.sorted { $0.key < $1.key }
    }
}
