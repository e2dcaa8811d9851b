import Statistics

/// The environment as a pure state machine: one agent message in, one observation out.
///
/// It never throws and never traps on model output: anything unparseable or illegal becomes a message that
/// explains the problem, and still costs a step, so an agent cannot stall forever.
public struct BlocksworldEnvironment: Sendable {
    public let scenario: TaskScenario
    public private(set) var world: World
    public private(set) var steps = 0
    public private(set) var isFinished = false
    /// Whether the episode ended with `<done>` or a final submission (rather than the step budget).
    public private(set) var endedByAgent = false
    /// Everything the agent submitted with `<height …>` or `<towers …>`, in order.
    public private(set) var submissions: [BlocksworldAction] = []
    public private(set) var windHasBlown = false

    private let prompt: TaskPrompt
    private let distractions: [String]
    private let parser: ActionParser
    private let noise: MeasurementNoise
    private var generator: SeededGenerator

    public init(scenario: TaskScenario, prompt: TaskPrompt) {
        self.scenario = scenario
        self.prompt = prompt
        self.distractions = prompt.library.distractions
        self.world = World(blocks: scenario.blocks)
        self.parser = ActionParser(blockCount: scenario.blocks.count)
        self.noise = MeasurementNoise(noise: scenario.configuration.noise)
        self.generator = SeededGenerator(seed: Seeds.mix(scenario.seed, 0xE7_71C0))
    }

    /// What the agent sees before acting.
    public var openingObservation: String { prompt.openingObservation(world: world) }

    /// Acts on the first `<...>` action in `message` and describes what happened.
    public mutating func step(_ message: String) -> (observation: String, feedback: EnvironmentFeedback) {
        guard !isFinished else {
            return ("The episode is over.", EnvironmentFeedback(world: world, accepted: false))
        }
        steps += 1
        var feedback = EnvironmentFeedback(world: world)
        var text: String
        do throws(ActionRejection) {
            var action = try parser.parse(message)
            var prefix = ""
            if action.isPhysical, chance(scenario.configuration.actionFailureProbability) {
                let replacement = world.validMoves().randomElement(using: &generator) ?? .help
                prefix = "Something went wrong: instead of \(action.text), \(replacement.text) happened. "
                action = replacement
                feedback.perturbed = true
            }
            feedback.action = action
            text = prefix + (try perform(action, feedback: &feedback))
        } catch {
            feedback.accepted = false
            text = error.message
        }
        text += windIfDue(feedback: &feedback)
        if !isFinished, steps >= scenario.configuration.stepBudget {
            isFinished = true
            text += " You have used all \(scenario.configuration.stepBudget) actions. The episode is over."
        }
        feedback.world = world
        if !isFinished {
            text += " \(world) Actions left: \(scenario.configuration.stepBudget - steps)."
            if chance(scenario.configuration.distractionProbability), let line = distractions.randomElement(using: &generator) {
                text += " " + line
            }
        }
        return (text, feedback)
    }

    private mutating func perform(_ action: BlocksworldAction, feedback: inout EnvironmentFeedback) throws(ActionRejection) -> String {
        switch action {
        case .help:
            return prompt.helpText
        case .done:
            finish()
            return "You ended the episode."
        case .measure(let block):
            let reading = noise.reading(of: scenario.heights[block.index], using: &generator)
            feedback.measurement = Measurement(block: block, centimetres: reading)
            return "You measure block \(block): \(Formatting.centimetres(reading)) cm."
        case .height where scenario.task.acceptsHeight:
            submissions.append(action)
            finish()
            return "Your answer \(action.text) is recorded. The episode is over."
        case .towers where scenario.task == .listConfigurations:
            submissions.append(action)
            return "Noted (\(submissions.count) listed so far)."
        case .towers where scenario.task.acceptsTowers:
            submissions.append(action)
            finish()
            return "Your answer \(action.text) is recorded. The episode is over."
        case .height, .towers:
            throw ActionRejection("This task does not take \(action.text) as an answer. Type <help> to see the actions.")
        case .pickUp, .putDown, .stack, .unstack:
            try world.apply(action)
            return "Done: \(action.text)."
        }
    }

    private mutating func windIfDue(feedback: inout EnvironmentFeedback) -> String {
        guard let height = scenario.fallHeight, !windHasBlown, !isFinished, world.tallestStack >= height else { return "" }
        windHasBlown = true
        world.knockDown()
        feedback.windBlew = true
        return " A gust of wind knocks your tower over! All stacked blocks fall back onto the table."
    }

    private mutating func finish() {
        isFinished = true
        endedByAgent = true
    }

    private mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && Double.random(in: 0..<1, using: &generator) < probability
    }
}
