/// The physical state: stacks of blocks on an unbounded table and at most one block in the hand.
///
/// A pure value with classic Blocksworld rules, so the rules can be tested without an environment or an agent.
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

    /// A world in a given arrangement (for tests and planners).
    public init(stacks: [[Block]], holding: Block? = nil) {
        self.stacks = stacks.filter { !$0.isEmpty }
        self.holding = holding
    }

    /// Whether nothing is on top of `block` and it is not in the hand.
    public func isClear(_ block: Block) -> Bool {
        stacks.contains { $0.last == block }
    }

    /// The number of blocks in the tallest stack.
    public var tallestStack: Int { stacks.map(\.count).max() ?? 0 }

    /// Applies a moving action.
    /// - Throws: `ActionRejection` explaining the broken rule; the world is then unchanged.
    public mutating func apply(_ action: BlocksworldAction) throws(ActionRejection) {
        switch action {
        case .pickUp(let x):
            try requireEmptyHand(for: "pick up \(x)")
            guard let i = stacks.firstIndex(of: [x]) else {
                throw ActionRejection("You can only pick up a block that is alone on the table; \(x) is not. Use <unstack \(x)> for a block on another block.")
            }
            stacks.remove(at: i)
            holding = x
        case .unstack(let x):
            try requireEmptyHand(for: "unstack \(x)")
            guard let i = stacks.firstIndex(where: { $0.last == x }) else {
                throw ActionRejection("You cannot unstack \(x): something is on top of it.")
            }
            guard stacks[i].count > 1 else {
                throw ActionRejection("\(x) is on the table, not on another block. Use <pick up \(x)>.")
            }
            stacks[i].removeLast()
            holding = x
        case .putDown(let x):
            guard holding == x else { throw ActionRejection("You are not holding \(x).") }
            stacks.append([x])
            holding = nil
        case .stack(let x, let y):
            guard holding == x else { throw ActionRejection("You are not holding \(x). Pick it up first.") }
            guard x != y else { throw ActionRejection("You cannot stack \(x) on itself.") }
            guard let i = stacks.firstIndex(where: { $0.last == y }) else {
                throw ActionRejection("You cannot stack on \(y): it is not clear.")
            }
            stacks[i].append(x)
            holding = nil
        case .measure, .help, .done, .height, .towers:
            break
        }
    }

    /// Every block back on the table (the wind in the falling-tower task); the hand keeps its block.
    public mutating func knockDown() {
        stacks = stacks.flatMap { $0 }.sorted().map { [$0] }
    }

    /// Every moving action that the rules allow now, for random perturbations and random agents.
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

    public var description: String {
        let described = stacks.sorted { $0[0] < $1[0] }.map { stack in
            stack.count == 1 ? "\(stack[0]) (on the table)" : "[\(stack.names)] (\(stack[0]) on the table, bottom to top)"
        }
        let hand = holding.map { "You are holding \($0)." } ?? "Your hand is empty."
        return "Stacks: " + described.joined(separator: "; ") + ". " + hand
    }

    private func requireEmptyHand(for intent: String) throws(ActionRejection) {
        if let held = holding {
            throw ActionRejection("You cannot \(intent) while holding \(held). Put it down or stack it first.")
        }
    }
}
