import HyPerAlign
import LanguageModels

/// The body of `POST /v1/users/{id}/generations`.
struct GenerationBody: Decodable, Sendable {
    var request: String
    /// `zero-shot`, `few-shot`, `hyperalign` (default) or `hyperalign+examples`.
    var variant: String?
    /// `as` (default): written as the user; `for`: answered for the user (template `answer-for-user`).
    var mode: String?
}

/// The answer of `POST /v1/users/{id}/generations`.
struct GenerationResult: Encodable, Sendable {
    var userID: String
    var variant: GenerationVariant
    var text: String
    var model: ModelID
    var finishReason: FinishReason?
    var usage: TokenUsage
    /// The hypothesis revision the answer was written with (nil for variants that use none).
    var hypothesesRevision: Int?
    /// The answer checked against each habit measured on the user's texts.
    var adherence: AdherenceReport
}
