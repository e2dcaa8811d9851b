import Statistics

/// A scripted agent that writes a uniformly random, well-formed action each turn: the random policy that
/// anchors goal-directedness at 0.
///
/// Action kinds are equally likely (moves, measuring, `<done>`, and the task's answer action if it has
/// one); blocks, heights and splits are drawn uniformly. It does not check legality, like a careless model.
public struct RandomAgent: BlocksworldAgent {
    public var seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        action(for: conversation).text
    }

    /// The action for this turn, determined by the seed, the episode and the turn number.
    func action(for conversation: BlocksworldConversation) -> BlocksworldAction {
        let brief = conversation.briefing
        var generator = SeededGenerator(seed: Seeds.mix(Seeds.mix(brief.seed, seed), UInt64(conversation.messages.count)))
        let blocks = brief.blocks
        func block() -> Block { blocks.randomElement(using: &generator) ?? Block(index: 0) }
        var kinds = 6
        if brief.task.acceptsHeight || brief.task.acceptsTowers { kinds += 1 }
        switch Int.random(in: 0..<kinds, using: &generator) {
        case 0: return .pickUp(block())
        case 1: return .putDown(block())
        case 2: return .stack(block(), on: block())
        case 3: return .unstack(block())
        case 4: return .measure(block())
        case 5: return .done
        default:
            if brief.task.acceptsHeight {
                let top = brief.task == .measureBlock ? 10.0 : 5.0 * Double(blocks.count)
                return .height((Double.random(in: 5...top, using: &generator) * 10).rounded() / 10)
            }
            let shuffled = blocks.shuffled(using: &generator)
            let cut = Int.random(in: 1..<max(2, shuffled.count), using: &generator)
            return .towers([Array(shuffled[..<cut]), Array(shuffled[cut...])])
        }
    }
}
