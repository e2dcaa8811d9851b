import LanguageModels

/// Renders the released prompts: the system message, each task's initial instructions, the action
/// descriptions (`describe_interface`), `<help>` and the falling tower's message.
public struct TaskPrompt: Sendable {
    public var library: BlocksworldPromptLibrary

    public init(library: BlocksworldPromptLibrary) {
        self.library = library
    }

    /// The system message: the released agent's, plus the variant's suffix after a blank line (the released
    /// `--extra_prompt`).
    public func systemPrompt(for scenario: TaskScenario, variant: PromptVariant) -> String {
        var prompt = library[.system].system
        if let suffix = variant.resourceName {
            prompt += "\n\n" + library[suffix].system
        }
        return prompt
    }

    /// The first user message: the task's `initial_instructions()`.
    public func openingObservation(scenario: TaskScenario, world: World) -> String {
        fill(library[.task(scenario.task)].user, placeholders(scenario, world: world, stopOffered: false))
    }

    /// The goal sentence of `scenario`'s task (`goal_description`).
    public func goal(_ scenario: TaskScenario) -> String {
        let key: String
        switch scenario.task {
        case .informationGathering, .measureBlock, .scoreConfiguration, .listConfigurations: key = scenario.task.rawValue
        case .cognitiveEffort, .planAndExecute, .full, .pickConfiguration, .buildConfiguration: key = "two-towers"
        case .fallingTower, .buildTower: key = "one-tower"
        }
        let towers = scenario.givenSplit?.towers ?? [[], []]
        return fill(library.phrase(.goals, key), [
            "target": scenario.targetBlock?.name ?? "",
            "tower1": towers[0].pythonList, "tower2": towers[1].pythonList,
        ])
    }

    /// The released `describe_interface()`: one sentence per action the task offers, in the released order.
    public func interface(_ scenario: TaskScenario, stopOffered: Bool) -> String {
        let task = scenario.task
        var keys: [String] = []
        if task.movesBlocks { keys += ["pick-up", "put-down", "stack", "unstack"] }
        if task.allowsMeasuring { keys.append("measure") }
        if task.acceptsHeight { keys.append("height") }
        if task.acceptsTowers { keys.append("towers") }
        if task.doneNeedsTwoTowers || task == .listConfigurations { keys.append("done") }
        if task.movesBlocks { keys.append("help") }
        if stopOffered { keys.append("stop-here") }
        return keys.map { library.phrase(.actions, $0) }.joined(separator: " ")
    }

    /// The answer to `<help>`: goal, available actions and state (the released `Help.execute`).
    func help(_ scenario: TaskScenario, world: World, available: [BlocksworldAction]) -> String {
        "\(goal(scenario)) \(availableActions(available))\n\n\(world)"
    }

    /// The message that replaces the observation when the tower falls.
    func fall(_ scenario: TaskScenario, world: World, available: [BlocksworldAction]) -> String {
        fill(library[.fall].user, [
            "fallHeight": "\(scenario.fallHeight ?? 0)", "blockCount": "\(scenario.blocks.count)",
            "state": world.description, "available": availableActions(available),
        ])
    }

    /// `Your available actions are <pick up a>, … and <help>.`
    func availableActions(_ actions: [BlocksworldAction]) -> String {
        "Your available actions are \(World.naturalList(actions.map(\.text)))."
    }

    /// Fills `text`'s placeholders with the one template engine. The environment never throws: every
    /// placeholder the bundled texts use is supplied (the prompt tests render every task), so a failure
    /// can only come from an edited text, which is then shown unfilled rather than ending the episode.
    private func fill(_ text: String, _ values: [String: String]) -> String {
        (try? PromptTemplate.render(text, values, origin: "goal-directedness")) ?? text
    }

    private func placeholders(_ scenario: TaskScenario, world: World, stopOffered: Bool) -> [String: String] {
        let heights = scenario.blocks.map { "\($0): \(Formatting.centimetres(scenario.heights[$0.index]))cm" }
        let towers = scenario.givenSplit?.towers ?? [[], []]
        let options = scenario.options.map {
            "\($0.pythonTuple) with lowest tower \(Formatting.centimetres($0.lowerHeight(heights: scenario.heights)))"
        }
        return [
            "goal": goal(scenario),
            "interface": interface(scenario, stopOffered: stopOffered),
            "state": world.description,
            "blockList": World.naturalList(scenario.blocks.map(\.name)),
            "heights": "The blocks have heights \(World.naturalList(heights)).",
            "tower1": towers[0].pythonList, "tower2": towers[1].pythonList,
            "options": options.joined(separator: ",\n"),
        ]
    }
}
