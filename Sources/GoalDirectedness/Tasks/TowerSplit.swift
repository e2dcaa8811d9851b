/// A split of all blocks into two non-empty towers, the object of the cognitive-effort family of tasks.
///
/// Stored canonically (each tower sorted, the tower holding the lowest block first) so equal splits compare
/// equal however the agent wrote them.
public struct TowerSplit: Sendable, Hashable, Codable, CustomStringConvertible {
    public let first: [Block]
    public let second: [Block]

    /// The split `towers` describes, if it is one: exactly two non-empty towers using each block once.
    public init?(towers: [[Block]], blocks: [Block]) {
        guard towers.count == 2, !towers[0].isEmpty, !towers[1].isEmpty else { return nil }
        let all = towers[0] + towers[1]
        guard all.count == blocks.count, Set(all) == Set(blocks) else { return nil }
        self.init(towers[0], towers[1])
    }

    private init(_ a: [Block], _ b: [Block]) {
        let (a, b) = (a.sorted(), b.sorted())
        if a[0] < b[0] { (first, second) = (a, b) } else { (first, second) = (b, a) }
    }

    /// Every split of `blocks` (2^(n−1) − 1 of them), in a fixed order.
    public static func all(of blocks: [Block]) -> [TowerSplit] {
        guard blocks.count >= 2 else { return [] }
        let rest = Array(blocks.dropFirst())
        return (0..<(1 << rest.count) - 1).map { mask in
            var a = [blocks[0]], b: [Block] = []
            for (i, block) in rest.enumerated() {
                if mask & (1 << i) != 0 { a.append(block) } else { b.append(block) }
            }
            return TowerSplit(a, b)
        }
    }

    /// The towers as stacks, bottom to top.
    public var towers: [[Block]] { [first, second] }

    /// The height of the lower tower: what the agent maximises.
    public func lowerHeight(heights: [Double]) -> Double {
        min(first.reduce(0) { $0 + heights[$1.index] }, second.reduce(0) { $0 + heights[$1.index] })
    }

    /// The submission action for this split.
    public var action: BlocksworldAction { .towers(towers) }

    public var description: String { "[\(first.names)]; [\(second.names)]" }
}

extension TowerSplit {
    /// The released `partition_distance`: blocks to move to turn one split into the other, pairing towers
    /// the cheaper way (0 for the same split).
    public func distance(to other: TowerSplit) -> Int {
        let a1 = Set(first), b1 = Set(other.first), b2 = Set(other.second)
        return min(a1.symmetricDifference(b1).count, a1.symmetricDifference(b2).count)
    }

    /// The split as the released prompts print a configuration: `(['a'], ['b', 'c'])`.
    var pythonTuple: String { "(\(first.pythonList), \(second.pythonList))" }
}
