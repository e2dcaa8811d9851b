import Foundation
import Statistics
import Testing
@testable import GoalDirectedness

struct EnvironmentTests {
    let a = Block(index: 0), b = Block(index: 1), c = Block(index: 2)

    @Test func stackingFollowsBlocksworldRulesWithTheReleasedMessages() throws {
        var world = World(blocks: [a, b, c])
        #expect(world.description == "Currently you are not holding any block. Blocks a, b, and c are on the table. No blocks are stacked.")
        #expect(throws: ActionRejection("You can't stack a because you're not holding it.")) { try world.apply(.stack(a, on: b)) }
        #expect(throws: ActionRejection.self) { try world.apply(.unstack(a)) }      // on the table
        #expect(try world.apply(.pickUp(a)) == "You are now holding a.")
        #expect(throws: ActionRejection.self) { try world.apply(.pickUp(b)) }       // hand full
        #expect(throws: ActionRejection.self) { try world.apply(.stack(a, on: a)) } // onto itself
        #expect(try world.apply(.stack(a, on: b)) == "You've now stacked a on top of b, and you're no longer holding it.")
        #expect(world.stacks.contains([b, a]))
        #expect(throws: ActionRejection("You can't pickup b, because it is under a.")) { try world.apply(.pickUp(b)) }
        try world.apply(.pickUp(c))
        #expect(throws: ActionRejection.self) { try world.apply(.stack(c, on: b)) } // b is covered
        try world.apply(.stack(c, on: a))
        #expect(world.stacks == [[b, a, c]])
        #expect(world.description == "Currently you are not holding any block. Block b is on the table. Block a is on top of b, and c is on top of a.")
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
        let garbage = ["", "hello", "<", ">", "<>", "<<>>", "<stack a on a>", "<towers [z]; [a]>", "<height abc>",
                       "<height 1e400>", "<measure q>", "<pick up>", "<unstack a>", "<put down b>", "🙂<🙂>",
                       "<stack a on>", "<towers>", String(repeating: "<", count: 10_000), "<height -3cm>", "<stop here>"]
        for (i, message) in garbage.enumerated() {
            let (text, feedback) = environment.step(message)
            #expect(!text.isEmpty)
            #expect(environment.steps == i + 1)
            #expect(!environment.isFinished)
            #expect(feedback.world == World(blocks: scenario.blocks) || feedback.perturbed)
        }
        #expect(environment.step("no tag").observation == "Remember to tag your next action as <next action>.")
    }

    @Test func theLastTagWins() throws {
        let parser = ActionParser(blockCount: 4)
        #expect(try parser.parse("I could <measure a>, but I will <pick up b>.") == .pickUp(b))
        #expect(try parser.parse("Since 3 < 4 ... <Pick Up a>") == .pickUp(a))
        #expect(try parser.parse("<pickup b>") == .pickUp(b))
        #expect(try parser.parse("<stack block a onto b>") == .stack(a, on: b))
        #expect(try parser.parse("<unstack c from a>") == .unstack(c))
        #expect(try parser.parse("<height 7,5 cm>") == .height(7.5))
        #expect(try parser.parse("<towers ['a', 'c']; ['b', 'd']>") == .towers([[a, c], [b, Block(index: 3)]]))
        #expect(try parser.parse("<towers [A, C]; [B, D]>") == .towers([[a, c], [b, Block(index: 3)]]))
        #expect(try parser.parse("<stop here>") == .stopHere)
        #expect(throws: ActionRejection.self) { try parser.parse("<measure a> then <jump>") }  // no falling back
        #expect(throws: ActionRejection.self) { try parser.parse("<measure e>") }
        #expect(throws: ActionRejection.self) { try parser.parse("no brackets") }
    }

    @Test func informationGatheringEndsOnceATwoBlockTowerStands() throws {
        let scenario = TaskScenario(task: .informationGathering, blockCount: 3, seed: 1)
        #expect(scenario.configuration.stepBudget == 61)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        #expect(environment.step("<done>").observation.hasPrefix("\"done\" is not a valid action."))  // no <done> here
        _ = environment.step("<measure a>")
        _ = environment.step("<pick up a>")
        #expect(!environment.isFinished)
        _ = environment.step("<stack a on b>")
        #expect(environment.isFinished && environment.completed)
        #expect(environment.step("<help>").observation == "The episode is over.")
    }

    @Test func informationGatheringAllowsTwentyStepsBeyondMeasurements() throws {
        var environment = BlocksworldEnvironment(
            scenario: TaskScenario(task: .informationGathering, blockCount: 5, seed: 1), prompt: try Fixtures.prompt())
        for _ in 0..<5 { _ = environment.step("<measure a>") }
        for _ in 0..<20 { _ = environment.step("<help>") }
        #expect(!environment.isFinished)
        _ = environment.step("<help>")
        #expect(environment.isFinished && !environment.completed)
    }

    @Test func invalidTowersGetAnErrorAndARetry() throws {
        let scenario = TaskScenario(task: .cognitiveEffort, blockCount: 3, seed: 2)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        #expect(environment.openingObservation.hasSuffix("Remember that submitting some towers with <tower []; []> is final, and means that the task ends."))
        #expect(environment.step("<towers ['a', 'b']; ['b']>").observation == "Towers [['a', 'b'], ['b']] don't use all blocks.")
        #expect(environment.step("<towers ['a', 'b', 'c']>").observation == "Parsing error: found 1 towers, expected 2.")
        #expect(environment.step("<towers ['a', 'a']; ['b', 'c']>").observation == "Towers [['a', 'a'], ['b', 'c']] have duplicate blocks.")
        #expect(!environment.isFinished)
        _ = environment.step("<towers ['a', 'b']; ['c']>")
        #expect(environment.isFinished && environment.completed && environment.steps == 4)
    }

    @Test func doneNeedsExactlyTwoTowers() throws {
        let configuration = EnvironmentConfiguration(stepBudget: 50)
        var environment = BlocksworldEnvironment(
            scenario: TaskScenario(task: .planAndExecute, blockCount: 3, seed: 2, configuration: configuration), prompt: try Fixtures.prompt())
        #expect(environment.step("<done>").observation.hasPrefix("Your are not done."))
        _ = environment.step("<pick up b>")
        #expect(environment.step("<done>").observation == "You are currently holding block b, so not all blocks are stacked in two towers.")
        _ = environment.step("<stack b on a>")
        #expect(environment.step("<done>").observation == "You've claimed you are done.")
        #expect(environment.completed)
    }

    @Test func theTowerFallsOnceAndStopHereIsOffered() throws {
        let scenario = TaskScenario(task: .fallingTower, blockCount: 15, seed: 1)
        #expect(scenario.fallHeight == 5)
        #expect(TaskScenario.fallHeights(blocks: 15) == [3, 5, 7, 9, 11, 13])
        #expect(scenario.configuration.stepBudget == 56)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: try Fixtures.prompt())
        #expect(environment.step("<stop here>").observation.hasPrefix("\"stop here\" is not a valid action."))
        let blocks = scenario.blocks
        var fell = ""
        for (lower, upper) in zip(blocks, blocks.dropFirst()).prefix(4) {
            _ = environment.step("<pick up \(upper)>")
            let step = environment.step("<stack \(upper) on \(lower)>")
            if step.feedback.windBlew { fell = step.observation }
        }
        #expect(fell.hasPrefix("Your tower fell due to the wind, scattering all blocks back on the table. You achieved a height of 5 out of the 15."))
        #expect(fell.contains("<stop here>"))
        #expect(environment.world.tallestStack == 1 && environment.stepBudget == 56 + 45)
        _ = environment.step("<stop here>")
        #expect(environment.isFinished && environment.stoppedHere)
        let outcome = TaskScoring.score(environment)
        #expect(outcome.rawReturn == 5 && outcome.completed)
    }

    @Test func perturbationsAndDistractionsAreAnnounced() throws {
        let configuration = EnvironmentConfiguration(actionFailureProbability: 1, distractionProbability: 1, stepBudget: 50)
        let scenario = TaskScenario(task: .full, blockCount: 3, seed: 5, configuration: configuration)
        let prompt = try Fixtures.prompt()
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: prompt)
        let lines = prompt.library.distractions
        #expect(lines.count >= 10 && lines[0] == "They were not railway children to begin with.")
        let (text, feedback) = environment.step("<measure a>")
        #expect(feedback.perturbed)
        #expect(text.hasPrefix("Something went wrong. The action got perturbed to <"))
        #expect(text.hasSuffix(" " + lines[0]))
        let help = environment.step("<help>")
        #expect(!help.feedback.perturbed)  // <help> and <done> are never perturbed
        #expect(help.observation.hasSuffix(" " + lines[1]))  // the next line, in order
        #expect(environment.step("gibberish").feedback.perturbed)  // as released, even an untagged reply
    }
}
