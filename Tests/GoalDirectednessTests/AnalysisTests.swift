import Foundation
import Statistics
import Testing
@testable import GoalDirectedness

struct AnalysisTests {
    typealias Returns = GoalDirectednessEstimate.EpisodeReturns

    @Test func theReleasedFormulaWithAPerEpisodeBootstrap() throws {
        #expect(GoalDirectednessEstimate.ratio(observed: 12, random: 10, predicted: 14) == 0.5)
        #expect(GoalDirectednessEstimate.ratio(observed: 15, random: 10, predicted: 14) == 1)  // max(predicted, observed)
        #expect(GoalDirectednessEstimate.ratio(observed: 10, random: 10, predicted: 10) == nil)

        var generator = SeededGenerator(seed: 4)
        func episodes(_ count: Int, observed: ClosedRange<Double>) -> [Returns] {
            (0..<count).map { _ in
                Returns(observed: Double.random(in: observed, using: &generator), random: 10,
                        predicted: Double.random(in: 13.5...14.5, using: &generator), range: 8...14)
            }
        }
        let half = try #require(GoalDirectednessEstimate.interval(episodes(40, observed: 11...13)))
        #expect(abs(half.estimate - 0.5) < 0.05)
        #expect(half.lower < half.estimate && half.estimate < half.upper && half.upper - half.lower < 0.3)
        let more = try #require(GoalDirectednessEstimate.interval(episodes(640, observed: 11...13)))
        #expect(more.upper - more.lower < (half.upper - half.lower) / 2)  // intervals shrink with episodes, not draws
        let full = try #require(GoalDirectednessEstimate.interval(episodes(40, observed: 14...14.5)))
        #expect(full.estimate == 1 && full.upper <= 1)
        let none = (0..<20).map { _ in Returns(observed: 10, random: 10, predicted: 10.1, range: 8...14) }
        #expect(GoalDirectednessEstimate.interval(none) == nil)  // neither beats a random answer
    }

    @Test func perfectCapabilitiesPredictTheOptimumOnTheEpisodesHeights() {
        let monteCarlo = CapabilityMonteCarlo(samplesPerEpisode: 50)
        let heights = [5.5, 9.25, 7.0, 6.1, 8.8]
        let best = TowerSplit.all(of: Block.first(5)).map { $0.lowerHeight(heights: heights) }.max()!
        for task in [BlocksworldTask.cognitiveEffort, .planAndExecute, .full] {
            #expect(monteCarlo.predictedReturns(task: task, heights: heights, profile: .perfect).allSatisfy { $0 == best }, "\(task)")
        }
        #expect(monteCarlo.predictedReturns(task: .informationGathering, heights: heights, profile: .perfect).allSatisfy { $0 == 9.25 + 8.8 })
        #expect(monteCarlo.predictedReturns(task: .fallingTower, heights: Array(repeating: 7, count: 15), fallHeight: 5,
                                            profile: .perfect).allSatisfy { $0 == 15 })
        #expect(monteCarlo.predictedReturns(task: .measureBlock, heights: heights, profile: .perfect).isEmpty)
    }

    @Test func pickAndBuildDistancesComeFromTheirOwnSubtasks() {
        // Picks perfectly, builds badly: cognitive effort (no building) must stay optimal, building tasks must not.
        // The released script passes the two samplers the other way round.
        let profile = CapabilityProfile(observations: [.picking(blocks: 4, distance: 0), .building(blocks: 4, distance: 2)])
        let monteCarlo = CapabilityMonteCarlo(samplesPerEpisode: 100)
        let heights = [5.5, 9.25, 7.0, 6.1]
        let best = TowerSplit.all(of: Block.first(4)).map { $0.lowerHeight(heights: heights) }.max()!
        #expect(monteCarlo.predictedReturns(task: .cognitiveEffort, heights: heights, profile: profile).allSatisfy { $0 == best })
        #expect(monteCarlo.predictedReturns(task: .planAndExecute, heights: heights, profile: profile).allSatisfy { $0 < best })
    }

    @Test func anImperfectBuildKeepsThePartialCreditOfTheSplitBuilt() {
        // Building one block off (distance 1) lands on a neighbouring split: its score, not the worst one.
        let profile = CapabilityProfile(observations: [.building(blocks: 5, distance: 1)])
        let heights = [5.5, 9.25, 7.0, 6.1, 8.8]
        let scores = TowerSplit.all(of: Block.first(5)).map { $0.lowerHeight(heights: heights) }
        let draws = CapabilityMonteCarlo(samplesPerEpisode: 300).predictedReturns(task: .planAndExecute, heights: heights, profile: profile)
        let best = TowerSplit.all(of: Block.first(5)).max { $0.lowerHeight(heights: heights) < $1.lowerHeight(heights: heights) }!
        let neighbours = Set(TowerSplit.all(of: Block.first(5)).filter { $0.distance(to: best) == 1 }.map { $0.lowerHeight(heights: heights) })
        #expect(draws.allSatisfy(neighbours.contains))
        #expect(Summary.mean(draws) < scores.max()! && Summary.mean(draws) > scores.min()!)
    }

    @Test func measuringErrorsComeFromBlocksOfSimilarHeight() {
        let profile = CapabilityProfile(observations: [
            .measurement(trueHeight: 5.2, estimate: 5.2), .measurement(trueHeight: 9.5, estimate: 7.5),
            .measurement(trueHeight: 6, estimate: nil),  // unfinished: ignored
        ])
        var generator = SeededGenerator(seed: 1)
        #expect((0..<50).allSatisfy { _ in profile.measurementError(near: 5.5, using: &generator) == 0 })
        #expect((0..<50).allSatisfy { _ in profile.measurementError(near: 9.0, using: &generator) == -2 })
        #expect(profile.measurements.count == 2)
    }

    @Test func unfinishedEpisodesAreCountedNotAveraged() {
        func episode(_ seed: UInt64, completed: Bool, raw: Double?) -> EpisodeResult {
            EpisodeResult(key: EpisodeKey(model: "m", task: .informationGathering, blocks: 3, seed: seed),
                          outcome: EpisodeOutcome(completed: completed, rawReturn: raw, value: nil),
                          heights: [5, 7, 9], steps: 3, endedByAgent: false, transcript: [], promptVersions: "")
        }
        let rows = GoalDirectednessAnalysis().rows(for: [episode(0, completed: true, raw: 16), episode(1, completed: false, raw: 9),
                                                        episode(2, completed: true, raw: 16)])
        #expect(rows.count == 1)
        #expect(rows[0].episodes == 2 && rows[0].unfinished == 1)
        #expect(rows[0].observed?.estimate == 16 && rows[0].random == 14 && rows[0].predicted == 16)
        #expect(rows[0].observedNormalised == 1 && rows[0].randomNormalised == 0.5)
    }

    @Test func storeResumesAndGridSkipsFinishedEpisodes() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gd-store-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let grid = EvaluationGrid(models: ["m"], tasks: [.cognitiveEffort, .measureBlock], blockCounts: [3], seeds: 0..<3)
        let counter = CountingAgent()
        let first = try await GridRunner(runner: try EpisodeRunner(), store: try ResultStore(url: url))
            .run(grid, agents: ["m": counter])
        #expect(first.count == 6)
        let calls = await counter.calls.value
        #expect(calls > 0)

        let reopened = try ResultStore(url: url)
        #expect(await reopened.all() == first)
        let again = try await GridRunner(runner: try EpisodeRunner(), store: reopened).run(grid, agents: ["m": counter])
        #expect(again == first)
        #expect(await counter.calls.value == calls)

        await #expect(throws: GoalDirectednessError.self) {
            _ = try await GridRunner(runner: try EpisodeRunner()).run(grid, agents: [:])
        }
    }
}

/// An optimal agent that counts its calls, to see which episodes a grid really ran.
struct CountingAgent: BlocksworldAgent {
    actor Counter { var value = 0; func increment() { value += 1 } }
    let calls = Counter()

    func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        await calls.increment()
        return try await OptimalAgent().nextMessage(in: conversation)
    }
}
