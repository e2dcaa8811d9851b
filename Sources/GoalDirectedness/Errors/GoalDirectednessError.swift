/// Errors of the goal-directedness evaluation: a struct around a private code, so adding a case breaks nobody.
public struct GoalDirectednessError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case missingResource(String)
        case malformedResource(String)
        case agentFailed(String)
        case store(String)
        case missingAgent(String)
    }

    private let code: Code

    /// A prompt resource is not in the bundle.
    public static func missingResource(_ name: String) -> Self { Self(code: .missingResource(name)) }
    /// A prompt resource lacks its `version:` header.
    public static func malformedResource(_ name: String) -> Self { Self(code: .malformedResource(name)) }
    /// The agent (usually a model call) threw; the episode is not recorded.
    public static func agentFailed(_ reason: String) -> Self { Self(code: .agentFailed(reason)) }
    /// The result cache could not be read or written.
    public static func store(_ reason: String) -> Self { Self(code: .store(reason)) }
    /// A grid names a model with no agent.
    public static func missingAgent(_ model: String) -> Self { Self(code: .missingAgent(model)) }

    public var description: String {
        switch code {
        case .missingResource(let name): "Prompt resource '\(name).txt' is missing from the bundle."
        case .malformedResource(let name): "Prompt resource '\(name).txt' has no 'version:' header followed by '---'."
        case .agentFailed(let reason): "The agent failed: \(reason)"
        case .store(let reason): "Result store error: \(reason)"
        case .missingAgent(let model): "No agent was given for model '\(model)'."
        }
    }
}
