/// Identifies one episode of a grid, so cached results can be matched and finished episodes skipped.
public struct EpisodeKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var model: String
    public var task: BlocksworldTask
    public var blocks: Int
    public var seed: UInt64
    public var variant: PromptVariant

    public init(model: String, task: BlocksworldTask, blocks: Int, seed: UInt64, variant: PromptVariant = .plain) {
        self.model = model
        self.task = task
        self.blocks = blocks
        self.seed = seed
        self.variant = variant
    }

    public var description: String { "\(model)/\(task)/\(blocks)/\(variant)/\(seed)" }

    public static func < (lhs: EpisodeKey, rhs: EpisodeKey) -> Bool {
        (lhs.model, lhs.task.rawValue, lhs.blocks, lhs.variant.rawValue, lhs.seed)
            < (rhs.model, rhs.task.rawValue, rhs.blocks, rhs.variant.rawValue, rhs.seed)
    }
}
