import Statistics

/// A scripted agent that does everything the tasks reward: it measures every block several times, computes
/// the exact optimum and builds it, replanning after failures and wind.
///
/// Its returns are the reference for "an optimal agent scores ≈ 1". `measurementsPerBlock` is the same in
/// the measure-block subtask and in composite tasks, so its capabilities and its behaviour match.
public struct OptimalAgent: BlocksworldAgent {
    /// Readings taken of each block before trusting the mean.
    public var measurementsPerBlock: Int
    /// Whether composite tasks are played with measuring; `false` makes the skip-measuring agent.
    var measuresInCompositeTasks = true

    public init(measurementsPerBlock: Int = 6) {
        self.measurementsPerBlock = max(1, measurementsPerBlock)
    }

    public func nextMessage(in conversation: BlocksworldConversation) async throws -> String {
        action(for: conversation).text
    }

    /// The action this agent takes now (synchronous, for tests and baselines).
    func action(for conversation: BlocksworldConversation) -> BlocksworldAction {
        let brief = conversation.briefing
        let memory = ConversationMemory(conversation)
        switch brief.task {
        case .measureBlock:
            let target = brief.targetBlock ?? brief.blocks[0]
            if memory.count(target) < measurementsPerBlock { return .measure(target) }
            return .height(memory.estimate(target) ?? 7.5)
        case .informationGathering:
            if let next = nextMeasurement(brief, memory) { return next }
            let heights = estimates(brief, memory)
            let pair = brief.blocks.sorted { heights[$0.index] > heights[$1.index] }.prefix(2)
            return build([Array(pair)], brief, memory)
        case .cognitiveEffort:
            return Self.bestSplit(brief.blocks, heights: brief.statedHeights ?? []).action
        case .planAndExecute:
            return build(Self.bestSplit(brief.blocks, heights: brief.statedHeights ?? []).towers, brief, memory)
        case .full:
            if let next = nextMeasurement(brief, memory) { return next }
            return build(Self.bestSplit(brief.blocks, heights: estimates(brief, memory)).towers, brief, memory)
        case .fallingTower:
            return build([brief.blocks], brief, memory)
        case .listConfigurations:
            let all = TowerSplit.all(of: brief.blocks)
            return memory.acceptedTowerSubmissions < all.count ? all[memory.acceptedTowerSubmissions].action : .done
        case .scoreConfiguration:
            return .height(brief.givenSplit?.lowerHeight(heights: brief.statedHeights ?? []) ?? 0)
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
        guard measuresInCompositeTasks else { return nil }
        let least = brief.blocks.min { memory.count($0) < memory.count($1) }
        guard let block = least, memory.count(block) < measurementsPerBlock else { return nil }
        return .measure(block)
    }

    /// Mean readings, or — when not measuring — a guess drawn from the episode seed.
    private func estimates(_ brief: TaskBriefing, _ memory: ConversationMemory) -> [Double] {
        var generator = SeededGenerator(seed: Seeds.mix(brief.seed, 0x6E55))
        return brief.blocks.map { block in
            let guess = Double.random(in: 5...10, using: &generator)
            return measuresInCompositeTasks ? (memory.estimate(block) ?? guess) : guess
        }
    }

    private func build(_ towers: [[Block]], _ brief: TaskBriefing, _ memory: ConversationMemory) -> BlocksworldAction {
        TowerPlanner(targets: towers, blocks: brief.blocks).nextMove(in: memory.world) ?? .done
    }
}
