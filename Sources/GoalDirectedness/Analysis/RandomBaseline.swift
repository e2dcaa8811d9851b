/// The return of the random policy on a task: the zero point of goal-directedness.
///
/// Estimated by playing `RandomAgent` on seeds disjoint from any grid's, so the baseline never shares
/// scenarios with the episodes it is compared with.
public struct RandomBaseline: Sendable {
    public var episodes: Int
    public var firstSeed: UInt64

    public init(episodes: Int = 200, firstSeed: UInt64 = 1 << 40) {
        self.episodes = episodes
        self.firstSeed = firstSeed
    }

    /// The random policy's returns on `task` with `blocks` blocks.
    public func returns(task: BlocksworldTask, blocks: Int, runner: EpisodeRunner) async throws -> [Double] {
        var values: [Double] = []
        for offset in 0..<UInt64(episodes) {
            let key = EpisodeKey(model: "random-baseline", task: task, blocks: blocks, seed: firstSeed + offset)
            values.append(try await runner.run(key, agent: RandomAgent(seed: 0xBA5E)).value)
        }
        return values
    }
}
