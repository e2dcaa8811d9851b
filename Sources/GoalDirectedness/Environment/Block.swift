import Foundation

/// One block of the world, named by a lowercase letter (`a`, `b`, …) as the released prompts call it.
///
/// Blocks are identified by index so heights can live in a plain array; the letter is only for text.
public struct Block: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The position of the block in the scenario's height array.
    public let index: Int

    /// The largest world the letter names support.
    public static let maximumCount = 26

    public init(index: Int) {
        precondition((0..<Self.maximumCount).contains(index), "block index out of range")
        self.index = index
    }

    /// The block called `name` among the first `count` blocks, if any (case-insensitive).
    public init?(name: some StringProtocol, count: Int) {
        let trimmed = name.trimmingCharacters(in: CharacterSet(charactersIn: " '\"")).uppercased()
        guard trimmed.count == 1, let scalar = trimmed.unicodeScalars.first,
              scalar.value >= 65, Int(scalar.value) - 65 < min(count, Self.maximumCount)
        else { return nil }
        self.index = Int(scalar.value) - 65
    }

    /// The letter the prompts use.
    public var name: String { String(UnicodeScalar(UInt8(97 + index))) }

    public var description: String { name }

    public static func < (lhs: Block, rhs: Block) -> Bool { lhs.index < rhs.index }

    /// The first `count` blocks.
    public static func first(_ count: Int) -> [Block] { (0..<count).map(Block.init(index:)) }
}

extension [Block] {
    /// `a, b, c`: how lists of blocks appear in our own messages.
    var names: String { map(\.name).joined(separator: ", ") }

    /// `['a', 'b']`: a Python list, as the released prompts print towers.
    var pythonList: String { "[" + map { "'\($0.name)'" }.joined(separator: ", ") + "]" }
}
