import Foundation
import Statistics
import Testing
@testable import GoalDirectedness

struct EnvironmentTests {
    let a = Block(index: 0), b = Block(index: 1), c = Block(index: 2)

    @Test func stackingFollowsBlocksworldRules() throws {
        var world = World(blocks: [a, b, c])
        #expect(throws: ActionRejection.self) { try world.apply(.stack(a, on: b)) }  // not holding
        #expect(throws: ActionRejection.self) { try world.apply(.unstack(a)) }      // on the table
        try world.apply(.pickUp(a))
        #expect(throws: ActionRejection.self) { try world.apply(.pickUp(b)) }       // hand full
        #expect(throws: ActionRejection.self) { try world.apply(.stack(a, on: a)) } // onto itself
        try world.apply(.stack(a, on: b))
        #expect(world.stacks.contains([b, a]))
        #expect(!world.isClear(b))
        #expect(throws: ActionRejection.self) { try world.apply(.pickUp(b)) }       // not clear
        try world.apply(.pickUp(c))
        #expect(throws: ActionRejection.self) { try world.apply(.stack(c, on: b)) } // b is covered
        try world.apply(.stack(c, on: a))
        #expect(world.stacks == [[b, a, c]])
        try world.apply(.unstack(c))
        #expect(world.holding == c)
        #expect(throws: ActionRejection.self) { try world.apply(.putDown(a)) }      // holding c, not a
        try world.apply(.putDown(c))
        #expect(world.hasTowers([[a, b], [c]]))
    }

    @Test func measurementsAreUnbiasedAndBounded() {
        var generator = SeededGenerator(seed: 1)
        let noise = MeasurementNoise(noise: 0.3)
        let readings = (0..<20_000).map { _ in noise.reading(of: 7, using: &generator) }
        #expect(readings.allSatisfy { $0 > 0 && $0 < 14 })
        #expect(abs(Summary.mean(readings) - 7) < 0.05)
        #expect(abs(Summary.standardDeviation(readings) - 2.1) < 0.1)
        #expect(MeasurementNoise(noise: 0).reading(of: 7, using: &generator) == 7)
    }

    @Test func garbageNeverCrashesAndCostsAStep() throws {
        let scenario = TaskScenario(task: .full, blockCount: 4, seed: 3,
                                    configuration: EnvironmentConfiguration(stepBudget: 1000))
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        let garbage = ["", "hello", "<", ">", "<>", "<<>>", "<stack A on A>", "<towers [Z]; [A]>", "<height abc>",
                       "<height 1e400>", "<measure Q>", "<pick up>", "<unstack A>", "<put down B>", "🙂<🙂>",
                       "<stack A on>", "<towers>", String(repeating: "<", count: 10_000), "<height -3cm>"]
        for (i, message) in garbage.enumerated() {
            let (text, feedback) = environment.step(message)
            #expect(!text.isEmpty)
            #expect(environment.steps == i + 1)
            #expect(!environment.isFinished)
            #expect(feedback.world == World(blocks: scenario.blocks) || feedback.perturbed)
        }
    }

    @Test func stepBudgetEndsTheEpisode() throws {
        let scenario = TaskScenario(task: .informationGathering, blockCount: 3, seed: 1,
                                    configuration: EnvironmentConfiguration(stepBudget: 3))
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        _ = environment.step("<help>")
        _ = environment.step("<measure A>")
        #expect(!environment.isFinished)
        let (text, _) = environment.step("<pick up A>")
        #expect(environment.isFinished)
        #expect(!environment.endedByAgent)
        #expect(text.contains("used all 3 actions"))
        #expect(environment.step("<done>").observation == "The episode is over.")
        #expect(environment.steps == 3)
    }

    @Test func windKnocksTheTowerDownOnce() throws {
        let scenario = TaskScenario(task: .fallingTower, blockCount: 6, seed: 2)
        #expect(scenario.fallHeight == 4)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        let moves = ["<pick up B>", "<stack B on A>", "<pick up C>", "<stack C on B>", "<pick up D>", "<stack D on C>"]
        var blew = false
        for move in moves { blew = environment.step(move).feedback.windBlew || blew }
        #expect(blew)
        #expect(environment.world.tallestStack == 1)
        for move in moves { #expect(!environment.step(move).feedback.windBlew) }
        #expect(environment.world.tallestStack == 4)
    }

    @Test func perturbationsAndDistractionsAreAnnounced() throws {
        let configuration = EnvironmentConfiguration(actionFailureProbability: 1, distractionProbability: 1)
        let scenario = TaskScenario(task: .full, blockCount: 3, seed: 5, configuration: configuration)
        let prompt = try Fixtures.prompt()
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: prompt)
        let (text, feedback) = environment.step("<measure A>")
        #expect(feedback.perturbed)
        #expect(text.contains("Something went wrong"))
        #expect(prompt.library.distractions.contains { text.hasSuffix($0) })
        #expect(!environment.step("<help>").feedback.perturbed)  // only physical actions are perturbed
    }

    @Test func parserAcceptsVariantsAndRejectsNonsense() throws {
        let parser = ActionParser(blockCount: 4)
        #expect(try parser.parse("I think <Pick Up a> now") == .pickUp(a))
        #expect(try parser.parse("<pickup B>") == .pickUp(b))
        #expect(try parser.parse("<stack block A onto B> then <done>") == .stack(a, on: b))
        #expect(try parser.parse("<unstack C from A>") == .unstack(c))
        #expect(try parser.parse("<height 7,5 cm>") == .height(7.5))
        #expect(try parser.parse("<towers [A, C]; [B, D]>") == .towers([[a, c], [b, Block(index: 3)]]))
        #expect(try parser.parse("Since 3 < 4, and <thinking> aside: <measure D>") == .measure(Block(index: 3)))
        #expect(throws: ActionRejection.self) { try parser.parse("<measure E>") }
        #expect(throws: ActionRejection.self) { try parser.parse("<jump>") }
        #expect(throws: ActionRejection.self) { try parser.parse("no brackets") }
    }
}
