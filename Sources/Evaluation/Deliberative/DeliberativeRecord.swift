/// One answered and judged request, kept in `comparisons.jsonl` of a deliberative run.
public struct DeliberativeRecord: Sendable, Hashable, Codable {
    public var key: String
    public var requestID: String
    public var source: String
    public var harmful: Bool
    public var persona: String
    public var personaIntent: Persona.Intent
    public var system: DeliberativeSystem
    public var request: String
    public var answer: String
    /// The hidden deliberation (deliberative system only), kept for audit.
    public var deliberation: String?
    public var verdict: SafetyVerdict
    /// The standard refusal-phrase matcher's call.
    public var refusalByPhrase: Bool

    public static func key(requestID: String, system: DeliberativeSystem) -> String { "delib|\(system)|\(requestID)" }
}
