import LanguageModels

/// Errors of the goal-directedness evaluation: a struct around a private code, so adding a case breaks nobody.
public struct GoalDirectednessError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case prompt(String)
        case agentFailed(String)
        case store(String)
        case runFolder(String)
        case missingAgent(String)
    }

    private let code: Code

    /// A prompt resource is missing from the bundle or cannot be parsed.
    public static func prompt(_ error: PromptError) -> Self { Self(code: .prompt(error.description)) }
    /// The agent (usually a model call) threw; the episode is not recorded.
    public static func agentFailed(_ reason: String) -> Self { Self(code: .agentFailed(reason)) }
    /// The result cache could not be read or written.
    public static func store(_ reason: String) -> Self { Self(code: .store(reason)) }
    /// A run folder's settings are unreadable, from an older version or differ from the requested ones.
    public static func runFolder(_ reason: String) -> Self { Self(code: .runFolder(reason)) }
    /// A grid names a model with no agent.
    public static func missingAgent(_ model: String) -> Self { Self(code: .missingAgent(model)) }

    public var description: String {
        switch code {
        case .prompt(let reason): "Prompt resource error: \(reason)"
        case .agentFailed(let reason): "The agent failed: \(reason)"
        case .store(let reason): "Result store error: \(reason)"
        case .runFolder(let reason): reason
        case .missingAgent(let model): "No agent was given for model '\(model)'."
        }
    }
}
