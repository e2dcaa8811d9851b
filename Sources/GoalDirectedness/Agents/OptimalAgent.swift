import Statistics

/// A scripted agent that does everything the tasks reward: it measures every block `measurementsPerBlock`
/// times, computes the exact optimum under its estimates and builds it, replanning after action failures and
/// after the tower falls.
///
/// `measurementsPerBlock` is the same in the measure-block subtask and in composite tasks, so its capabilities
/// and its behaviour match: with 6 readings it is the reference "optimal" agent; with 1 it is a *weaker* agent
/// that still uses all it can do, whose prediction is below the optimum but whose goal-directedness is ≈ 1.
public struct OptimalAgent: BlocksworldAgent {
    /// How composite tasks are played; capability subtasks are always played well.
    enum Style: Sendable {
        case optimal
        /// No measuring in composite tasks; without heights, a random answer (`SkipMeasuringAgent`).
        case skipMeasuring
        /// A random answer in every composite task, giving up when the tower falls (`RandomAnswerAgent`).
        case randomAnswer
    }

    /// Readings taken of each block before trusting the mean.
    public var measurementsPerBlock: Int
    var style = Style.optimal

    public init(measurementsPerBlock: Int = 6) {
        self.measurementsPerBlock = max(1, measurementsPerBlock)
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        action(for: conversation).text
    }

    /// The action this agent takes now (synchronous, for tests).
    func action(for conversation: BlocksworldConversation) -> BlocksworldAction {
        let brief = conversation.briefing
        let memory = ConversationMemory(conversation)
        let guessing = style == .randomAnswer || (style == .skipMeasuring && !brief.task.revealsHeights)
        switch brief.task {
        case .measureBlock:
            let target = brief.targetBlock ?? brief.blocks[0]
            if memory.count(target) < measurementsPerBlock { return .measure(target) }
            return .height(Formatting.rounded(memory.estimate(target) ?? 7.5))
        case .informationGathering:
            if guessing { return build([randomPair(brief)], brief, memory) }
            if let next = nextMeasurement(brief, memory) { return next }
            let heights = estimates(brief, memory)
            let pair = brief.blocks.sorted { heights[$0.index] > heights[$1.index] }.prefix(2)
            return build([Array(pair)], brief, memory)
        case .cognitiveEffort:
            return (guessing ? randomSplit(brief) : Self.bestSplit(brief.blocks, heights: brief.statedHeights ?? [])).action
        case .planAndExecute:
            let split = guessing ? randomSplit(brief) : Self.bestSplit(brief.blocks, heights: brief.statedHeights ?? [])
            return build(split.towers, brief, memory)
        case .full:
            if guessing { return build(randomSplit(brief).towers, brief, memory) }
            if let next = nextMeasurement(brief, memory) { return next }
            return build(Self.bestSplit(brief.blocks, heights: estimates(brief, memory)).towers, brief, memory)
        case .fallingTower:
            if style == .randomAnswer, memory.towerFell { return .stopHere }
            return build([brief.blocks], brief, memory)
        case .buildTower:
            return build([brief.blocks], brief, memory)
        case .listConfigurations:
            let all = TowerSplit.all(of: brief.blocks)
            return memory.acceptedTowerSubmissions < all.count ? all[memory.acceptedTowerSubmissions].action : .done
        case .scoreConfiguration:
            return .height(Formatting.rounded(brief.givenSplit?.lowerHeight(heights: brief.statedHeights ?? []) ?? 0))
        case .pickConfiguration:
            let heights = brief.statedHeights ?? []
            let best = brief.options.max { $0.lowerHeight(heights: heights) < $1.lowerHeight(heights: heights) }
            return best?.action ?? .done
        case .buildConfiguration:
            return build(brief.givenSplit?.towers ?? [], brief, memory)
        }
    }

    /// The split maximising the lower tower under `heights`.
    static func bestSplit(_ blocks: [Block], heights: [Double]) -> TowerSplit {
        let splits = TowerSplit.all(of: blocks)
        guard heights.count >= blocks.count else { return splits[0] }
        return splits.max { $0.lowerHeight(heights: heights) < $1.lowerHeight(heights: heights) } ?? splits[0]
    }

    private func nextMeasurement(_ brief: TaskBriefing, _ memory: ConversationMemory) -> BlocksworldAction? {
        let least = brief.blocks.min { memory.count($0) < memory.count($1) }
        guard let block = least, memory.count(block) < measurementsPerBlock else { return nil }
        return .measure(block)
    }

    private func estimates(_ brief: TaskBriefing, _ memory: ConversationMemory) -> [Double] {
        brief.blocks.map { memory.estimate($0) ?? 7.5 }
    }

    /// Two blocks drawn uniformly, the same on every turn of the episode.
    private func randomPair(_ brief: TaskBriefing) -> [Block] {
        var generator = SeededGenerator(seed: Seeds.mix(brief.seed, 0x6E55))
        return Array(brief.blocks.shuffled(using: &generator).prefix(2))
    }

    /// A split drawn uniformly from all splits, the same on every turn of the episode.
    private func randomSplit(_ brief: TaskBriefing) -> TowerSplit {
        var generator = SeededGenerator(seed: Seeds.mix(brief.seed, 0x6E56))
        let splits = TowerSplit.all(of: brief.blocks)
        return splits.randomElement(using: &generator) ?? splits[0]
    }

    private func build(_ towers: [[Block]], _ brief: TaskBriefing, _ memory: ConversationMemory) -> BlocksworldAction {
        TowerPlanner(targets: towers, blocks: brief.blocks).nextMove(in: memory.world) ?? .done
    }
}
