/// The physical state: stacks of blocks on an unbounded table and at most one block in the hand.
///
/// A pure value with classic Blocksworld rules, so the rules can be tested without an environment or an agent.
/// Messages are those of the released code (`blocksworld_environment.py`).
public struct World: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Each stack listed bottom to top; a block alone on the table is a stack of one.
    public private(set) var stacks: [[Block]]
    /// The block in the hand, if any.
    public private(set) var holding: Block?

    /// All blocks alone on the table, hand empty.
    public init(blocks: [Block]) {
        stacks = blocks.map { [$0] }
        holding = nil
    }

    /// A world in a given arrangement (for tests, planners and submitted towers).
    public init(stacks: [[Block]], holding: Block? = nil) {
        self.stacks = stacks.filter { !$0.isEmpty }
        self.holding = holding
    }

    /// Whether nothing is on top of `block` and it is not in the hand.
    public func isClear(_ block: Block) -> Bool {
        stacks.contains { $0.last == block }
    }

    /// The number of blocks in the tallest stack (`most_blocks_in_a_tower`).
    public var tallestStack: Int { stacks.map(\.count).max() ?? 0 }

    /// The height of the highest stack under `heights` (`height_of_highest_tower`).
    public func highestTower(heights: [Double]) -> Double {
        stacks.map { $0.reduce(0) { $0 + heights[$1.index] } }.max() ?? 0
    }

    /// Applies a moving action and returns the released environment's message.
    /// - Throws: `ActionRejection` explaining the broken rule; the world is then unchanged.
    @discardableResult
    public mutating func apply(_ action: BlocksworldAction) throws(ActionRejection) -> String {
        switch action {
        case .pickUp(let x):
            if let above = block(above: x) { throw ActionRejection("You can't pickup \(x), because it is under \(above).") }
            if let below = block(below: x) {
                throw ActionRejection("You can't pickup \(x), because it is stacked on \(below). You can only hold at most one block at a time.")
            }
            if let held = holding {
                throw ActionRejection("You can't pickup \(x), because you're already holding \(held). You can only hold at most one block at a time.")
            }
            guard let i = stacks.firstIndex(of: [x]) else { throw ActionRejection("You can't pickup \(x).") }
            stacks.remove(at: i)
            holding = x
            return "You are now holding \(x)."
        case .unstack(let x):
            if let above = block(above: x) { throw ActionRejection("You can't unstack \(x), because \(x) is under \(above).") }
            guard let i = stacks.firstIndex(where: { $0.last == x }), stacks[i].count > 1 else {
                throw ActionRejection("You can't unstack \(x), because it is not stacked.")
            }
            if let held = holding { throw ActionRejection("You can't unstack \(x), because you are already holding \(held).") }
            stacks[i].removeLast()
            holding = x
            return "You've now unstacked \(x), and you're holding it."
        case .putDown(let x):
            guard holding == x else { throw ActionRejection("You can't put down \(x) because you are not holding it.") }
            stacks.append([x])
            holding = nil
            return "Now \(x) is on the table, and you're no longer holding it."
        case .stack(let x, let y):
            if let above = block(above: y) { throw ActionRejection("You can't stack \(x) on \(y), because \(y) is under \(above).") }
            guard holding == x else { throw ActionRejection("You can't stack \(x) because you're not holding it.") }
            guard let i = stacks.firstIndex(where: { $0.last == y }) else {
                throw ActionRejection("You can't stack \(x) on \(y), because you are holding \(y).")
            }
            stacks[i].append(x)
            holding = nil
            return "You've now stacked \(x) on top of \(y), and you're no longer holding it."
        case .measure, .help, .done, .stopHere, .height, .towers:
            return ""
        }
    }

    /// Every block back on the table and the hand emptied, as the released falling tower's `set_state(towers=[])`.
    public mutating func knockDown() {
        stacks = (stacks.flatMap { $0 } + (holding.map { [$0] } ?? [])).sorted().map { [$0] }
        holding = nil
    }

    /// Every moving action that the rules allow now, for random perturbations and planners.
    public func validMoves() -> [BlocksworldAction] {
        if let x = holding {
            return [.putDown(x)] + stacks.compactMap { $0.last }.map { .stack(x, on: $0) }
        }
        return stacks.compactMap { stack in
            guard let top = stack.last else { return nil }
            return stack.count == 1 ? .pickUp(top) : .unstack(top)
        }
    }

    /// Whether the stacks are exactly `towers` as sets of blocks (order within a stack and of stacks ignored),
    /// with the hand empty.
    public func hasTowers(_ towers: [[Block]]) -> Bool {
        holding == nil && Set(stacks.map { Set($0) }) == Set(towers.map { Set($0) }) && stacks.count == towers.count
    }

    /// The released `describe_state()`: the hand, the blocks on the table, then who is on top of whom.
    public var description: String {
        var sentences = [holding.map { "Currently you are holding \($0)." } ?? "Currently you are not holding any block."]
        let bottoms = stacks.map { $0[0] }.sorted()
        switch bottoms.count {
        case 0: sentences.append("No block is on the table.")
        case 1: sentences.append("Block \(bottoms[0]) is on the table.")
        default: sentences.append("Blocks \(Self.naturalList(bottoms.map(\.name))) are on the table.")
        }
        let towers = stacks.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        for tower in towers {
            let relations = zip(tower, tower.dropFirst()).map { "\($1) is on top of \($0)" }
            sentences.append("Block \(Self.naturalList(relations, twoItemSeparator: ",")).")
        }
        if towers.isEmpty { sentences.append("No blocks are stacked.") }
        return sentences.joined(separator: " ")
    }

    /// The released `list_to_natural_language`: `a`, `a and b`, `a, b, and c`.
    static func naturalList(_ items: [String], twoItemSeparator: String = "") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0])\(twoItemSeparator) and \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
        }
    }

    private func block(above x: Block) -> Block? {
        for stack in stacks { if let i = stack.firstIndex(of: x), i + 1 < stack.count { return stack[i + 1] } }
        return nil
    }

    private func block(below x: Block) -> Block? {
        for stack in stacks { if let i = stack.firstIndex(of: x), i > 0 { return stack[i - 1] } }
        return nil
    }
}
