/// A scripted agent with full capabilities that does not bother to measure in composite tasks: without heights
/// it answers at random (a random pair, a random split), and it plans and builds perfectly when the heights are
/// given.
///
/// Where measuring is the point (information gathering, the full task) it behaves exactly like the random-answer
/// baseline, so its goal-directedness there must come out ≈ 0 although its capabilities predict ≈ 1.
public struct SkipMeasuringAgent: BlocksworldAgent {
    private var base: OptimalAgent

    public init(measurementsPerBlock: Int = 6) {
        base = OptimalAgent(measurementsPerBlock: measurementsPerBlock)
        base.style = .skipMeasuring
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        base.action(for: conversation).text
    }
}
