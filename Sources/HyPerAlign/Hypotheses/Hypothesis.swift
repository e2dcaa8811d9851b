import Foundation

/// One readable statement about a person, with the verbatim quotes that support it.
public struct Hypothesis: Sendable, Hashable, Codable, Identifiable {
    /// What aspect of the person it describes.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case communication, personality, style
    }

    /// Who wrote it: the model, or a person. Person-made hypotheses survive re-inference.
    public enum Origin: String, Sendable, Hashable, Codable {
        case inferred
        case edited
        case added
    }

    public var id: String
    public var category: Category
    /// One or two sentences, specific enough to act on.
    public var statement: String
    /// Short quotes from the person's texts, each checked to occur there.
    public var evidence: [String]
    public var confidence: Double?
    public var origin: Origin

    public init(
        id: String = Hypothesis.makeID(), category: Category, statement: String, evidence: [String] = [],
        confidence: Double? = nil, origin: Origin = .inferred
    ) {
        self.id = id
        self.category = category
        self.statement = statement
        self.evidence = evidence
        self.confidence = confidence
        self.origin = origin
    }

    /// A short random id (`h-3f9a1c`), easy to type in `hypotheses edit`.
    public static func makeID() -> String {
        "h-" + String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(6))
    }

    /// Whether a person made or changed it (and so a re-inference must keep it).
    public var isUserAuthored: Bool { origin != .inferred }
}
