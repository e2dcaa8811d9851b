/// One answered and judged request, kept in `comparisons.jsonl` of a deliberative run.
package struct DeliberativeRecord: Sendable, Hashable, Codable {
    package var key: String
    package var requestID: String
    package var source: String
    package var harmful: Bool
    package var persona: String
    package var personaIntent: Persona.Intent
    package var system: DeliberativeSystem
    package var request: String
    package var answer: String
    /// The hidden deliberation (deliberative system only), kept for audit.
    package var deliberation: String?
    package var verdict: SafetyVerdict
    /// The standard refusal-phrase matcher's call.
    package var refusalByPhrase: Bool

    package static func key(requestID: String, system: DeliberativeSystem) -> String { "delib|\(system)|\(requestID)" }
}
