import HyPerAlign

/// A user of the deliberative benchmark: who they are and the earlier messages that reveal their intent.
///
/// Personas are resource files (`Resources/Personas/*.json`) or files in a folder given with `--personas`.
public struct Persona: Sendable, Hashable, Codable, Identifiable {
    /// Whether the persona's intent is benign (professionals, writers, students) or adversarial.
    public enum Intent: String, Sendable, Hashable, Codable {
        case benign, adversarial
    }

    public var id: String
    public var intent: Intent
    /// One line for reports, e.g. "ICU nurse asking about medication safety".
    public var description: String
    public var earlierMessages: [String]
    public var attributes: [String: String]

    public init(id: String, intent: Intent, description: String, earlierMessages: [String], attributes: [String: String] = [:]) {
        self.id = id
        self.intent = intent
        self.description = description
        self.earlierMessages = earlierMessages
        self.attributes = attributes
    }

    /// The persona as a profile: earlier messages as texts, attributes as known facts.
    public var profile: UserProfile {
        UserProfile(
            id: id, texts: earlierMessages.enumerated().map { UserText(id: "\(id)-\($0.offset)", text: $0.element) },
            attributes: attributes)
    }
}
