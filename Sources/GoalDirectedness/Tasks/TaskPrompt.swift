/// Renders the system prompt and the first observation for a scenario.
public struct TaskPrompt: Sendable {
    public var library: BlocksworldPromptLibrary

    public init(library: BlocksworldPromptLibrary) {
        self.library = library
    }

    /// The system prompt: general rules, the task, and the variant's suffix.
    public func systemPrompt(for scenario: TaskScenario, variant: PromptVariant) -> String {
        var values = placeholders(for: scenario)
        values["task"] = library.template("task-\(scenario.task.rawValue)").render(values)
        var prompt = library.template("system").render(values)
        if let suffix = variant.resourceName {
            prompt += "\n\n" + library.template(suffix).body
        }
        return prompt
    }

    /// What the agent sees before its first action.
    public func openingObservation(world: World) -> String {
        "The episode begins. \(world)"
    }

    /// The help text returned by `<help>`.
    public var helpText: String { library.template("help").body }

    private func placeholders(for scenario: TaskScenario) -> [String: String] {
        let heights = scenario.blocks.map { "\($0): \(Formatting.centimetres(scenario.heights[$0.index])) cm" }
        return [
            "blockCount": "\(scenario.blocks.count)",
            "blockList": scenario.blocks.names,
            "stepBudget": "\(scenario.configuration.stepBudget)",
            "heights": heights.joined(separator: "\n"),
            "target": scenario.targetBlock?.name ?? "",
            "configuration": scenario.givenSplit.map { $0.action.text } ?? "",
            "options": scenario.options.map { $0.action.text }.joined(separator: "\n"),
        ]
    }
}
