/// Which system-prompt suffix an episode runs with, to test whether encouragement changes goal-directedness.
public enum PromptVariant: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case plain
    case motivational
    case demotivational

    /// The resource holding the suffix, if any.
    var resourceName: BlocksworldPrompt? {
        switch self {
        case .plain: nil
        case .motivational: .suffixMotivational
        case .demotivational: .suffixDemotivational
        }
    }

    public var description: String { rawValue }
}
