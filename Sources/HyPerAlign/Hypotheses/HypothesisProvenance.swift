import Foundation

/// Where a hypothesis set came from: enough to reproduce it and to know when it is out of date.
public struct HypothesisProvenance: Sendable, Hashable, Codable {
    public var model: String
    /// The inference prompt's name and version, e.g. `infer-hypotheses@3`.
    public var promptVersion: String
    public var createdAt: Date
    /// ``UserProfile/textsHash`` of the texts it was inferred from.
    public var textsHash: String
    public var textCount: Int

    /// The ``promptVersion`` of a set a person started before any inference.
    public static let personWritten = "written-by-person"

    /// Whether no model has written this set yet.
    public var isPersonWritten: Bool { promptVersion == Self.personWritten }

    public init(model: String, promptVersion: String, createdAt: Date = Date(), textsHash: String, textCount: Int) {
        self.model = model
        self.promptVersion = promptVersion
        self.createdAt = createdAt
        self.textsHash = textsHash
        self.textCount = textCount
    }
}
