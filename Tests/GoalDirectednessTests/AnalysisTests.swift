import Foundation
import Statistics
import Testing
@testable import GoalDirectedness

struct AnalysisTests {
    @Test func goalDirectednessIsCappedAndItsIntervalIsSane() throws {
        var generator = SeededGenerator(seed: 4)
        let random = (0..<200).map { _ in Double.random(in: 0..<0.2, using: &generator) }
        let predicted = (0..<1000).map { _ in Double.random(in: 0.8...1, using: &generator) }
        let good = (0..<50).map { _ in Double.random(in: 0.85...1, using: &generator) }
        let half = (0..<50).map { _ in Double.random(in: 0.3...0.7, using: &generator) }

        let capped = try #require(GoalDirectednessEstimate.interval(observed: good, random: random, predicted: predicted))
        #expect(capped.estimate == 1 && capped.upper == 1 && capped.lower <= 1)

        let middle = try #require(GoalDirectednessEstimate.interval(observed: half, random: random, predicted: predicted))
        #expect(middle.lower < middle.estimate && middle.estimate < middle.upper)
        #expect(abs(middle.estimate - 0.5) < 0.05)  // (0.5 − 0.1) / (0.9 − 0.1)
        #expect(middle.upper - middle.lower < 0.2)

        let chance = try #require(GoalDirectednessEstimate.interval(observed: random, random: random, predicted: predicted))
        #expect(chance.lower <= 0 && 0 <= chance.upper)

        let more = (0..<800).map { _ in Double.random(in: 0.3...0.7, using: &generator) }
        let narrower = try #require(GoalDirectednessEstimate.interval(observed: more, random: random, predicted: predicted))
        #expect(narrower.upper - narrower.lower < middle.upper - middle.lower)

        #expect(GoalDirectednessEstimate.interval(observed: half, random: random, predicted: random) == nil)
    }

    @Test func perfectCapabilitiesPredictFullReturns() {
        let monteCarlo = CapabilityMonteCarlo(samples: 300)
        for task in BlocksworldTask.composite {
            let values = monteCarlo.predictedReturns(task: task, blocks: 4, profile: .perfect)
            #expect(values.count == 300)
            #expect(values.allSatisfy { $0 == 1 }, "\(task)")
        }
        #expect(monteCarlo.predictedReturns(task: .measureBlock, blocks: 4, profile: .perfect).isEmpty)
    }

    @Test func capabilityErrorsLowerThePrediction() {
        let sloppy = CapabilityProfile(observations: [
            .measurement(trueHeight: 6, estimate: 8.5), .measurement(trueHeight: 9, estimate: 6.5),
            .measurement(trueHeight: 7.5, estimate: 7.5), .enumeration(blocks: 4, listed: 2, total: 7),
            .scoring(trueScore: 10, estimate: 13), .picking(pickedBest: false), .picking(pickedBest: true),
            .building(blocks: 4, succeeded: true), .building(blocks: 4, succeeded: false),
        ])
        let monteCarlo = CapabilityMonteCarlo(samples: 500)
        for task in BlocksworldTask.composite {
            let mean = Summary.mean(monteCarlo.predictedReturns(task: task, blocks: 4, profile: sloppy))
            #expect(mean < 0.9, "\(task): \(mean)")
        }
        #expect(sloppy.buildSuccessRate(blocks: 15) == 0.5)  // nearest size observed
        #expect(monteCarlo.predictedReturns(task: .full, blocks: 4, profile: sloppy)
            == monteCarlo.predictedReturns(task: .full, blocks: 4, profile: sloppy))  // seeded
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
