/// A scripted agent that is fully capable in every capability subtask but gives a random answer in every
/// composite task (a random pair, a random split, `<stop here>` as soon as the tower falls): the paper's random
/// baseline played for real, so its goal-directedness, computed from its own runs and its own capabilities,
/// must come out ≈ 0.
public struct RandomAnswerAgent: BlocksworldAgent {
    private var base: OptimalAgent

    public init(measurementsPerBlock: Int = 6) {
        base = OptimalAgent(measurementsPerBlock: measurementsPerBlock)
        base.style = .randomAnswer
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        base.action(for: conversation).text
    }
}
