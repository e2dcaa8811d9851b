import Testing
@testable import GoalDirectedness

struct TaskScoringTests {
    /// Plays `messages` in a fresh scenario without failures or distractions and scores the end state.
    func play(_ task: BlocksworldTask, blocks: Int = 4, seed: UInt64 = 11, _ messages: (TaskScenario) -> [String]) throws -> EpisodeOutcome {
        var configuration = task.defaultConfiguration(blocks: blocks)
        configuration.actionFailureProbability = 0
        let scenario = TaskScenario(task: task, blockCount: blocks, seed: seed, configuration: configuration)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        for message in messages(scenario) where !environment.isFinished { _ = environment.step(message) }
        return TaskScoring.score(environment)
    }

    func buildMoves(_ towers: [[Block]]) -> [String] {
        towers.flatMap { tower in zip(tower.dropFirst(), tower).flatMap { ["<pick up \($0)>", "<stack \($0) on \($1)>"] } } + ["<done>"]
    }

    func sorted(_ s: TaskScenario) -> [Block] { s.blocks.sorted { s.heights[$0.index] > s.heights[$1.index] } }

    @Test func informationGatheringScoresTheTwoBlockTowerInCentimetres() throws {
        let best = try play(.informationGathering) { buildMoves([Array(sorted($0).prefix(2))]) }
        #expect(best.completed && best.value == 1)
        let scenario = TaskScenario(task: .informationGathering, blockCount: 4, seed: 11)
        #expect(best.rawReturn == sorted(scenario).prefix(2).reduce(0) { $0 + scenario.heights[$1.index] })
        #expect(try play(.informationGathering) { buildMoves([Array(sorted($0).suffix(2))]) }.value == 0)
        #expect(try play(.informationGathering) { _ in ["<measure a>"] }.completed == false)
    }

    @Test func splitTasksScoreTheLowerTower() throws {
        let scenario = TaskScenario(task: .cognitiveEffort, blockCount: 4, seed: 11)
        let best = try play(.cognitiveEffort) { [$0.bestSplit!.action.text] }
        #expect(best.value == 1 && best.rawReturn == scenario.splitRange.upperBound)
        #expect(try play(.cognitiveEffort) { _ in ["<towers [a, b]; [c]>"] }.completed == false)  // d missing: retried
        #expect(try play(.planAndExecute) { buildMoves($0.bestSplit!.towers) }.value == 1)
        #expect(try play(.planAndExecute) { _ in ["<done>"] }.completed == false)  // four towers, not two
        #expect(try play(.full) { buildMoves($0.bestSplit!.towers) }.value == 1)
    }

    @Test func fallingTowerCountsBlocksOrTheFallHeight() throws {
        let full = try play(.fallingTower, blocks: 5, seed: 0) { Array(buildMoves([$0.blocks]).prefix(4)) + buildMoves([$0.blocks]) }
        #expect(full.rawReturn == 5 && full.value == 1)
        let nothing = try play(.fallingTower, blocks: 5, seed: 0) { _ in ["<help>"] }
        #expect(nothing.rawReturn == 1 && nothing.completed)  // no completed flag in the released task
    }

    @Test func capabilitySubtasksRecordWhatTheExpectedReturnScriptReads() throws {
        let measured = try play(.measureBlock) { s in ["<height \(s.heights[s.targetBlock!.index])cm>"] }
        guard case .measurement(let truth, let estimate)? = measured.capability else { Issue.record("no capability"); return }
        #expect(truth == estimate && measured.completed)

        let all = TowerSplit.all(of: Block.first(4)).map(\.action.text)
        #expect(try play(.listConfigurations) { _ in all + ["<done>"] }.capability == .enumeration(blocks: 4, listed: 7, total: 7))
        let some = try play(.listConfigurations) { _ in Array(all.prefix(3)) + Array(all.prefix(3)) + ["<done>"] }
        #expect(some.capability == .enumeration(blocks: 4, listed: 3, total: 7))

        let scored = try play(.scoreConfiguration) { s in ["<height \(s.givenSplit!.lowerHeight(heights: s.heights) + 1)cm>"] }
        guard case .scoring(4, let trueScore, let guess?)? = scored.capability else { Issue.record("no scoring"); return }
        #expect(abs(guess - trueScore - 1) < 1e-9)

        let pick = try play(.pickConfiguration) { s in [s.bestSplit!.action.text] }
        #expect(pick.capability == .picking(blocks: 4, distance: 0))
        let worst = try play(.pickConfiguration) { _ in ["<towers [a]; [b, c, d]>"] }
        guard case .picking(4, let distance)? = worst.capability else { Issue.record("no picking"); return }
        #expect(distance == TowerSplit(towers: [[Block(index: 0)], Block.first(4).dropFirst().map { $0 }], blocks: Block.first(4))!
            .distance(to: TaskScenario(task: .pickConfiguration, blockCount: 4, seed: 11).bestSplit!))

        let scenario = TaskScenario(task: .buildConfiguration, blockCount: 4, seed: 11)
        #expect(scenario.givenSplit == scenario.bestSplit)  // the build subtask asks for the optimal split
        #expect(try play(.buildConfiguration) { buildMoves($0.givenSplit!.towers) }.capability == .building(blocks: 4, distance: 0))
        #expect(try play(.buildTower, blocks: 5) { buildMoves([$0.blocks]) }.capability == .tower(blocks: 5, tallest: 5))
    }

    @Test func splitsAreEnumeratedOnceEachAndDistancesAreTheReleasedOnes() {
        for n in 2...8 {
            let splits = TowerSplit.all(of: Block.first(n))
            #expect(splits.count == (1 << (n - 1)) - 1)
            #expect(Set(splits).count == splits.count)
        }
        let blocks = Block.first(4)
        let ab = TowerSplit(towers: [[blocks[0], blocks[1]], [blocks[2], blocks[3]]], blocks: blocks)!
        let ac = TowerSplit(towers: [[blocks[0], blocks[2]], [blocks[1], blocks[3]]], blocks: blocks)!
        let a = TowerSplit(towers: [[blocks[0]], [blocks[1], blocks[2], blocks[3]]], blocks: blocks)!
        #expect(ab.distance(to: ab) == 0 && ab.distance(to: ac) == 2 && ab.distance(to: a) == 1 && a.distance(to: ab) == 1)
        #expect(TowerSplit(towers: [[blocks[0], blocks[0]], [blocks[1]]], blocks: Block.first(2)) == nil)
    }
}
