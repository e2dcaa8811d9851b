/// A scripted agent with full capabilities that does not bother to measure in composite tasks: it guesses
/// heights, then plans and builds perfectly.
///
/// On information gathering its return is that of a random pair, well below what its (perfect) measuring
/// subtask predicts, so goal-directedness must come out clearly below 1.
public struct SkipMeasuringAgent: BlocksworldAgent {
    private var base: OptimalAgent

    public init(measurementsPerBlock: Int = 6) {
        base = OptimalAgent(measurementsPerBlock: measurementsPerBlock)
        base.measuresInCompositeTasks = false
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        base.action(for: conversation).text
    }
}
