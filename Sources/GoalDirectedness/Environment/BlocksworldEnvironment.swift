import Statistics

/// The environment as a pure state machine: one agent message in, one observation out, following the released
/// `BlocksWorld.step` and each task's `agent_response_modification` / `environment_response_modification`.
///
/// It never throws and never traps on model output: anything unparseable or illegal becomes the released error
/// message, and still costs a step, so an agent cannot stall forever.
public struct BlocksworldEnvironment: Sendable {
    public let scenario: TaskScenario
    public private(set) var world: World
    public private(set) var steps = 0
    public private(set) var isFinished = false
    /// Whether the task's own end was reached (the released `completed`): a two-block tower (information
    /// gathering), an accepted answer or `<done>`, a full tower. Unfinished episodes ran out of steps.
    public private(set) var completed = false
    /// Whether the agent ended the episode itself (`<done>`, `<stop here>` or an answer).
    public private(set) var endedByAgent = false
    /// Everything the agent submitted with `<height …>` or `<towers …>` that was accepted, in order.
    public private(set) var submissions: [BlocksworldAction] = []
    /// Whether the falling tower has fallen.
    public private(set) var windHasBlown = false
    /// Whether the agent gave up with `<stop here>`.
    public private(set) var stoppedHere = false
    /// The step budget, which grows by 3 × blocks once the falling tower falls (as released).
    public private(set) var stepBudget: Int

    private let prompt: TaskPrompt
    private let distractions: [String]
    private var nextDistraction = 0
    private let parser: ActionParser
    private let noise: MeasurementNoise
    private var measurements = 0
    private var listed: [TowerSplit] = []
    private var generator: SeededGenerator

    public init(scenario: TaskScenario, prompt: TaskPrompt) {
        self.scenario = scenario
        self.prompt = prompt
        self.distractions = prompt.library.distractions
        self.world = World(blocks: scenario.blocks)
        self.parser = ActionParser(blockCount: scenario.blocks.count)
        self.noise = MeasurementNoise(noise: scenario.configuration.noise)
        self.stepBudget = scenario.configuration.stepBudget
        self.generator = SeededGenerator(seed: Seeds.mix(scenario.seed, 0xE7_71C0))
    }

    /// What the agent sees before acting: the task's initial instructions.
    public var openingObservation: String { prompt.openingObservation(scenario: scenario, world: world) }

    /// Every action the task offers now (the released `available_actions`), for `<help>` and perturbations.
    public var availableActions: [BlocksworldAction] {
        let task = scenario.task
        var actions: [BlocksworldAction] = task.movesBlocks ? world.validMoves() : []
        if task.allowsMeasuring { actions += scenario.blocks.map { .measure($0) } }
        if task.doneNeedsTwoTowers || task == .listConfigurations { actions.append(.done) }
        if task.movesBlocks { actions.append(.help) }
        if stopOffered { actions.append(.stopHere) }
        return actions
    }

    /// Acts on the last `<...>` action in `message` and describes what happened.
    public mutating func step(_ message: String) -> (observation: String, feedback: EnvironmentFeedback) {
        guard !isFinished else {
            return ("The episode is over.", EnvironmentFeedback(world: world, accepted: false))
        }
        steps += 1
        var feedback = EnvironmentFeedback(world: world)
        let parsed: Result<BlocksworldAction, ActionRejection>
        do throws(ActionRejection) { parsed = .success(try parser.parse(message)) } catch { parsed = .failure(error) }
        var text = perturbation(of: parsed, feedback: &feedback)
        do throws(ActionRejection) {
            let action: BlocksworldAction
            if let replacement = feedback.action {
                action = replacement
            } else {
                switch parsed {
                case .success(let parsedAction): action = parsedAction
                case .failure(let rejection): throw rejection
                }
            }
            feedback.action = action
            text += try perform(action, feedback: &feedback)
        } catch {
            feedback.accepted = false
            text += error.message + (error.showsInterface ? " " + prompt.interface(scenario, stopOffered: stopOffered) : "")
        }
        text = afterStep(text, feedback: &feedback)
        feedback.world = world
        if chance(scenario.configuration.distractionProbability), !distractions.isEmpty {
            text += " " + distractions[nextDistraction % distractions.count]
            nextDistraction += 1
        }
        return (text, feedback)
    }

    /// The released `FullTask.agent_response_modification`: any reply but `<help>`/`<done>` (even an unparseable
    /// one) is replaced, with the configured probability, by a random available action other than those two.
    private mutating func perturbation(of parsed: Result<BlocksworldAction, ActionRejection>,
                                       feedback: inout EnvironmentFeedback) -> String {
        let probability = scenario.configuration.actionFailureProbability
        guard probability > 0, (try? parsed.get())?.isProtected != true else { return "" }
        let candidates = availableActions.filter { !$0.isProtected }
        guard candidates.count > 1, chance(probability), let replacement = candidates.randomElement(using: &generator) else {
            return ""
        }
        feedback.action = replacement
        feedback.perturbed = true
        return "Something went wrong. The action got perturbed to \(replacement.text). "
    }

    private var stopOffered: Bool { scenario.task == .fallingTower && windHasBlown }

    private func offers(_ action: BlocksworldAction) -> Bool {
        let task = scenario.task
        switch action {
        case .pickUp, .putDown, .stack, .unstack, .help: return task.movesBlocks
        case .measure: return task.allowsMeasuring
        case .done: return task.doneNeedsTwoTowers || task == .listConfigurations
        case .stopHere: return stopOffered
        case .height: return task.acceptsHeight
        case .towers: return task.acceptsTowers
        }
    }

    private mutating func perform(_ action: BlocksworldAction, feedback: inout EnvironmentFeedback) throws(ActionRejection) -> String {
        guard offers(action) else {
            throw ActionRejection("\"\(action.text.dropFirst().dropLast())\" is not a valid action.", showsInterface: true)
        }
        switch action {
        case .help:
            return prompt.help(scenario, world: world, available: availableActions)
        case .done where scenario.task == .listConfigurations:
            finish()
            return "You've claimed you are done."
        case .done:
            if let held = world.holding {
                throw ActionRejection("You are currently holding block \(held), so not all blocks are stacked in two towers.")
            }
            if world.stacks.count == 1 {
                throw ActionRejection("You are supposed to create two towers of as equal height as possible. Currently all your blocks are in just one tower, which means the towers are maximally unequal.")
            }
            guard world.stacks.count == 2 else {
                throw ActionRejection("Your are not done. \(world) So not all blocks are in just two towers.")
            }
            finish()
            return "You've claimed you are done."
        case .stopHere:
            stoppedHere = true
            finish()
            return "You've claimed you are done."
        case .measure(let block):
            measurements += 1
            let reading = Formatting.rounded(noise.reading(of: scenario.heights[block.index], using: &generator))
            feedback.measurement = Measurement(block: block, centimetres: reading)
            return noise.noise > 0
                ? "A noisy reading of the height of \(block) is \(Formatting.centimetres(reading))cm."
                : "The height of block \(block) is \(Formatting.centimetres(reading))cm."
        case .height(let value):
            submissions.append(action)
            finish()
            return "Submitted height \(value)cm."
        case .towers(let towers):
            let split = try Self.validatedSplit(towers, blocks: scenario.blocks)
            if scenario.task == .listConfigurations {
                guard !listed.contains(split) else {
                    throw ActionRejection("You've already suggested the equivalent of \(Self.python(towers)), just with the blocks stacked in a different order.")
                }
                listed.append(split)
                submissions.append(action)
                return ""
            }
            submissions.append(action)
            world = World(stacks: towers)
            finish()
            return "You submitted towers \(Self.python(towers))."
        case .pickUp, .putDown, .stack, .unstack:
            return try world.apply(action)
        }
    }

    /// The released `SubmitTowersAction.execute` checks.
    static func validatedSplit(_ towers: [[Block]], blocks: [Block]) throws(ActionRejection) -> TowerSplit {
        guard towers.count == 2 else { throw ActionRejection("Parsing error: found \(towers.count) towers, expected 2.") }
        if towers.contains(where: { Set($0).count != $0.count }) {
            throw ActionRejection("Towers \(python(towers)) have duplicate blocks.")
        }
        if towers.contains(where: \.isEmpty) { throw ActionRejection("Each tower needs to have at least one block.") }
        guard let split = TowerSplit(towers: towers, blocks: blocks) else {
            throw ActionRejection("Towers \(python(towers)) don't use all blocks.")
        }
        return split
    }

    private static func python(_ towers: [[Block]]) -> String { "[" + towers.map(\.pythonList).joined(separator: ", ") + "]" }

    /// Each task's end conditions and response modifications, applied after the action.
    private mutating func afterStep(_ text: String, feedback: inout EnvironmentFeedback) -> String {
        var text = text
        let n = scenario.blocks.count
        switch scenario.task {
        case .informationGathering:
            if world.tallestStack >= 2 { completed = true; isFinished = true }
            if steps > measurements + 20 { isFinished = true }
        case .fallingTower:
            if let height = scenario.fallHeight, !windHasBlown, world.tallestStack == height {
                windHasBlown = true
                world.knockDown()
                feedback.windBlew = true
                stepBudget += 3 * n
                text = prompt.fall(scenario, world: world, available: availableActions)
            }
            if world.tallestStack == n { completed = true; isFinished = true }
        case .buildTower:
            if world.tallestStack == n { completed = true; isFinished = true }
        case .listConfigurations:
            if listed.isEmpty {
                text += " You have not submitted any configuration so far. Please try again to submit a correct configuration."
            } else {
                let lines = listed.enumerated().map { "* configuration \($0.offset + 1): \($0.element.pythonTuple)" }
                text += " You've submitted:\n\n\(lines.joined(separator: "\n"))\n\nNow state another configuration."
            }
        default:
            break
        }
        if !isFinished, steps >= stepBudget { isFinished = true }
        return text
    }

    private mutating func finish() {
        isFinished = true
        completed = true
        endedByAgent = true
    }

    private mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && Double.random(in: 0..<1, using: &generator) < probability
    }
}
