/// The attributes a hypothesis set carries besides its hypotheses, by the name the API, the CLI and the
/// person's page use for them.
public enum AttributeName: String, Sendable, Hashable, Codable, CaseIterable {
    case language
    case register
    case domain
    case audience
    case typicalLengthWords = "typical_length_words"

    /// Registers a value may name (what inference asks the model for, and what the markers measure).
    public static let registers = ["formal", "semi-formal", "informal", "casual"]

    /// How it is shown to a person.
    public var label: String {
        switch self {
        case .language: "language"
        case .register: "register"
        case .domain: "domain"
        case .audience: "audience"
        case .typicalLengthWords: "typical length (words)"
        }
    }
}

/// Who gave an attribute its value, shown beside it: a measurement of the texts, the model, or the person.
public enum AttributeSource: String, Sendable, Hashable, Codable {
    case measured
    case inferred
    /// Set (or cleared) by the person; kept when hypotheses are inferred again.
    case person
}
