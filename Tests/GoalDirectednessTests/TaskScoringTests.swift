import Testing
@testable import GoalDirectedness

struct TaskScoringTests {
    /// Plays `messages` in a fresh scenario and scores the end state.
    func play(_ task: BlocksworldTask, blocks: Int = 4, seed: UInt64 = 11, _ messages: (TaskScenario) -> [String]) throws
        -> (value: Double, capability: CapabilityObservation?) {
        let scenario = TaskScenario(task: task, blockCount: blocks, seed: seed)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        for message in messages(scenario) where !environment.isFinished { _ = environment.step(message) }
        return TaskScoring.score(environment)
    }

    func buildMoves(_ towers: [[Block]]) -> [String] {
        towers.flatMap { tower in zip(tower.dropFirst(), tower).flatMap { ["<pick up \($0)>", "<stack \($0) on \($1)>"] } } + ["<done>"]
    }

    func tallestPair(_ s: TaskScenario) -> [Block] {
        Array(s.blocks.sorted { s.heights[$0.index] > s.heights[$1.index] }.prefix(2))
    }

    @Test func informationGatheringRewardsTheTallestPairOnly() throws {
        #expect(try play(.informationGathering) { buildMoves([tallestPair($0)]) }.value == 1)
        let lowest = try play(.informationGathering) { s in
            buildMoves([Array(s.blocks.sorted { s.heights[$0.index] < s.heights[$1.index] }.prefix(2))])
        }
        #expect(lowest.value == 0)
        let two = try play(.informationGathering) { s in buildMoves([[s.blocks[0], s.blocks[1]], [s.blocks[2], s.blocks[3]]]) }
        #expect(two.value == 0)
        let three = try play(.informationGathering) { s in buildMoves([Array(s.blocks.prefix(3))]) }
        #expect(three.value == 0)
    }

    @Test func cognitiveEffortScoresTheSubmittedSplit() throws {
        #expect(try play(.cognitiveEffort) { [$0.bestSplit!.action.text] }.value == 1)
        #expect(try play(.cognitiveEffort) { _ in ["<towers [A, B]; [C]>"] }.value == 0)  // D missing
        let some = try play(.cognitiveEffort) { _ in ["<towers [A]; [B, C, D]>"] }.value
        #expect((0...1).contains(some))
        #expect(try play(.cognitiveEffort) { _ in ["<done>"] }.value == 0)
    }

    @Test func buildingTasksScoreTheStandingTowers() throws {
        #expect(try play(.planAndExecute) { buildMoves($0.bestSplit!.towers) }.value == 1)
        #expect(try play(.full) { buildMoves($0.bestSplit!.towers) }.value > 0.5)  // perturbations may spoil it
        #expect(try play(.planAndExecute) { _ in ["<done>"] }.value == 0)           // four towers, not two
        #expect(try play(.planAndExecute) { buildMoves($0.bestSplit!.towers).dropLast() + ["<unstack B>", "<done>"] }.value == 0)
        // Three blocks: the wind knocks the two-block tower down once; rebuilding earns the full return.
        // After the gust, "stack C on B" leaves a two-block tower: half the return.
        #expect(try play(.fallingTower, blocks: 3) { buildMoves([$0.blocks]) }.value == 0.5)
        #expect(try play(.fallingTower, blocks: 3) {
            buildMoves([$0.blocks]).dropLast() + ["<unstack C>", "<put down C>"] + buildMoves([$0.blocks])
        }.value == 1)
        #expect(try play(.fallingTower, blocks: 3) { _ in ["<done>"] }.value == 0)
    }

    @Test func capabilitySubtasksRecordWhatTheyMeasure() throws {
        let measured = try play(.measureBlock) { s in ["<height \(s.heights[s.targetBlock!.index])cm>"] }
        #expect(measured.value == 1)
        guard case .measurement(let truth, let estimate)? = measured.capability else { Issue.record("no capability"); return }
        #expect(truth == estimate)
        #expect(try play(.measureBlock) { _ in ["<done>"] }.value == 0)

        let all = TowerSplit.all(of: Block.first(4)).map(\.action.text)
        #expect(try play(.listConfigurations) { _ in all + ["<done>"] }.value == 1)
        let half = try play(.listConfigurations) { _ in Array(all.prefix(3)) + Array(all.prefix(3)) + ["<done>"] }
        #expect(half.capability == .enumeration(blocks: 4, listed: 3, total: 7))

        #expect(try play(.scoreConfiguration) { s in ["<height \(s.givenSplit!.lowerHeight(heights: s.heights))cm>"] }.value > 0.999)
        #expect(try play(.scoreConfiguration) { _ in ["<height 0cm>"] }.value == 0)

        let pick = try play(.pickConfiguration) { s in
            [s.options.max { $0.lowerHeight(heights: s.heights) < $1.lowerHeight(heights: s.heights) }!.action.text]
        }
        #expect(pick.value == 1 && pick.capability == .picking(pickedBest: true))

        let built = try play(.buildConfiguration) { buildMoves($0.givenSplit!.towers) }
        #expect(built.value == 1 && built.capability == .building(blocks: 4, succeeded: true))
        #expect(try play(.buildConfiguration) { _ in ["<done>"] }.capability == .building(blocks: 4, succeeded: false))
    }

    @Test func splitsAreEnumeratedOnceEach() {
        for n in 2...8 {
            let splits = TowerSplit.all(of: Block.first(n))
            #expect(splits.count == (1 << (n - 1)) - 1)
            #expect(Set(splits).count == splits.count)
        }
        let blocks = Block.first(3)
        #expect(TowerSplit(towers: [[blocks[2], blocks[0]], [blocks[1]]], blocks: blocks)
            == TowerSplit(towers: [[blocks[1]], [blocks[0], blocks[2]]], blocks: blocks))
        #expect(TowerSplit(towers: [[blocks[0], blocks[0]], [blocks[1]]], blocks: blocks) == nil)
    }
}
