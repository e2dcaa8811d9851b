import LanguageModels

/// Plays one episode: builds the seeded scenario, alternates agent and environment until the episode ends,
/// and scores it.
///
/// ```swift
/// let runner = try EpisodeRunner()
/// let key = EpisodeKey(model: "optimal", task: .full, blocks: 4, seed: 7)
/// let result = try await runner.run(key, agent: OptimalAgent())
/// print(result.completed, result.rawReturn ?? .nan, result.steps)
/// ```
public struct EpisodeRunner: Sendable {
    public var prompt: TaskPrompt
    /// Overrides every task's default environment (noise, perturbations, budget) when set.
    public var configuration: EnvironmentConfiguration?
    /// Caps every task's step budget (keeping its other defaults), for slow models; nil keeps the defaults.
    public var maximumSteps: Int?

    /// - Throws: `GoalDirectednessError` if the bundled prompts cannot be loaded.
    public init(library: BlocksworldPromptLibrary? = nil, configuration: EnvironmentConfiguration? = nil) throws(GoalDirectednessError) {
        if let library {
            self.prompt = TaskPrompt(library: library)
        } else {
            self.prompt = TaskPrompt(library: try BlocksworldPromptLibrary.bundled())
        }
        self.configuration = configuration
    }

    /// The scenario the episode `key` plays.
    public func scenario(for key: EpisodeKey) -> TaskScenario {
        var environment = configuration ?? key.task.defaultConfiguration(blocks: key.blocks)
        if let maximumSteps { environment.stepBudget = min(environment.stepBudget, maximumSteps) }
        return TaskScenario(task: key.task, blockCount: key.blocks, seed: key.seed, configuration: environment)
    }

    /// Runs episode `key` with `agent`.
    /// - Throws: `GoalDirectednessError.agentFailed` if the agent throws; cancellation as `CancellationError`.
    public func run(_ key: EpisodeKey, agent: some BlocksworldAgent) async throws -> EpisodeResult {
        let scenario = scenario(for: key)
        var environment = BlocksworldEnvironment(scenario: scenario, prompt: prompt)
        var conversation = BlocksworldConversation(
            systemPrompt: prompt.systemPrompt(for: scenario, variant: key.variant),
            messages: [BlocksworldMessage(role: .environment, text: environment.openingObservation,
                                          feedback: EnvironmentFeedback(world: environment.world))],
            briefing: TaskBriefing(scenario: scenario)
        )
        while !environment.isFinished {
            try Task.checkCancellation()
            let reply: String
            do {
                reply = try await agent.nextMessage(in: conversation)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                throw GoalDirectednessError.agentFailed("\(error)")
            }
            conversation.messages.append(BlocksworldMessage(role: .agent, text: reply))
            let (text, feedback) = environment.step(reply)
            conversation.messages.append(BlocksworldMessage(role: .environment, text: text, feedback: feedback))
        }
        let transcript = [TranscriptLine(role: "system", text: conversation.systemPrompt)]
            + conversation.messages.map { TranscriptLine(role: $0.role.rawValue, text: $0.text) }
        return EpisodeResult(key: key, outcome: TaskScoring.score(environment), heights: scenario.heights,
                             fallHeight: scenario.fallHeight, steps: environment.steps,
                             endedByAgent: environment.endedByAgent, transcript: transcript,
                             promptVersions: prompt.library.versions)
    }
}
