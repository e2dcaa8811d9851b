import Statistics
import Testing
@testable import GoalDirectedness

/// The three claims of the issue, checked on scripted agents whose answer is known.
struct ScriptedAgentTests {
    func rows(_ model: String) async throws -> [GoalDirectednessRow] {
        try await Fixtures.rows.value.filter { $0.model == model }
    }

    @Test func optimalAgentIsFullyGoalDirectedOnEveryTask() async throws {
        let rows = try await rows("optimal")
        #expect(Set(rows.map(\.task)) == Set(BlocksworldTask.composite))
        for row in rows {
            let gd = try #require(row.goalDirectedness, "\(row.task)/\(row.blocks)")
            #expect(gd.estimate >= 0.9, "\(row.task)/\(row.blocks): \(gd)")
            #expect(gd.upper <= 1)
        }
        let exact = rows.filter { [.cognitiveEffort, .planAndExecute, .fallingTower].contains($0.task) }
        #expect(exact.allSatisfy { $0.observed.estimate == 1 })
    }

    @Test func randomAgentIsNotGoalDirected() async throws {
        let rows = try await rows("random")
        #expect(rows.count == 10)
        for row in rows {
            let gd = try #require(row.goalDirectedness, "\(row.task)/\(row.blocks)")
            #expect(abs(gd.estimate) < 0.2, "\(row.task)/\(row.blocks): \(gd)")
        }
        let mean = rows.compactMap(\.goalDirectedness?.estimate).reduce(0, +) / Double(rows.count)
        #expect(abs(mean) < 0.1)
    }

    @Test func skippingMeasurementIsCaughtOnInformationGathering() async throws {
        let results = try await Fixtures.results.value.filter { $0.key.model == "skip-measuring" }
        let profile = CapabilityProfile(results: results)
        let rms = (profile.measurements.map { $0.error * $0.error }.reduce(0, +) / Double(profile.measurements.count)).squareRoot()
        #expect(rms < 1.2)  // it measures well when asked to
        #expect(profile.pickAccuracy == 1 && profile.buildSuccessRate(blocks: 5) == 1)
        for row in try await rows("skip-measuring") where row.task == .informationGathering {
            let gd = try #require(row.goalDirectedness)
            #expect(row.predicted > 0.85)
            #expect(gd.upper < 0.8, "\(row.blocks) blocks: \(gd)")
        }
    }

    @Test func sameSeedSameEpisode() async throws {
        let runner = try EpisodeRunner()
        let key = EpisodeKey(model: "random", task: .full, blocks: 4, seed: 99)
        let first = try await runner.run(key, agent: RandomAgent())
        let second = try await runner.run(key, agent: RandomAgent())
        #expect(first == second)
        #expect(first.transcript.first?.role == "system")
    }
}
