/// Computes the next move towards a target arrangement from whatever the world is now.
///
/// Replanning from the current state each step makes scripted agents robust to random action failures and
/// to the wind, which is exactly the persistence the falling-tower task asks of a model.
struct TowerPlanner: Sendable {
    /// Target stacks, bottom to top; blocks in none of them should end alone on the table.
    let targets: [[Block]]
    private let position: [Block: (tower: Int, level: Int)]

    init(targets: [[Block]], blocks: [Block]) {
        let placed = Set(targets.joined())
        let all = targets + blocks.filter { !placed.contains($0) }.map { [$0] }
        self.targets = all
        var position: [Block: (tower: Int, level: Int)] = [:]
        for (t, tower) in all.enumerated() {
            for (level, block) in tower.enumerated() { position[block] = (t, level) }
        }
        self.position = position
    }

    /// The next move, or `nil` when the world already matches the targets.
    func nextMove(in world: World) -> BlocksworldAction? {
        if let held = world.holding { return placement(of: held, in: world) }
        if let wrong = world.stacks.first(where: { $0.count > 1 && !isPrefix($0) }), let top = wrong.last {
            return .unstack(top)
        }
        for stack in world.stacks where isPrefix(stack) {
            guard let place = position[stack[0]] else { continue }
            let tower = targets[place.tower]
            guard stack.count < tower.count else { continue }
            let next = tower[stack.count]
            if world.stacks.contains([next]) { return .pickUp(next) }
        }
        return nil
    }

    private func placement(of block: Block, in world: World) -> BlocksworldAction {
        guard let place = position[block], place.level > 0 else { return .putDown(block) }
        if let base = world.stacks.first(where: { isPrefix($0) && position[$0[0]]?.tower == place.tower && $0.count == place.level }),
           let top = base.last {
            return .stack(block, on: top)
        }
        return .putDown(block)
    }

    /// Whether `stack` is the bottom part of its target tower.
    private func isPrefix(_ stack: [Block]) -> Bool {
        guard let first = stack.first, let place = position[first], place.level == 0 else { return false }
        let target = targets[place.tower]
        return stack.count <= target.count && zip(stack, target).allSatisfy { $0 == $1 }
    }
}
