import HyPerAlign
import LanguageModels

/// The body of `POST /v1/users/{id}/generations`.
struct GenerationBody: Decodable, Sendable {
    var request: String
    /// `zero-shot`, `few-shot`, `hyperalign` (default) or `hyperalign+examples`.
    var variant: String?
    /// `as` (default): written as the user; `for`: answered for the user (template `answer-for-user`).
    var mode: String?
    /// Candidates sampled in parallel, the one following most measured habits kept (1–16; default 1).
    var bestOf: Int?
    /// One rewrite pass naming the measured habits the answer breaks.
    var revise: Bool?
    /// Each candidate edited mechanically to follow the habits an edit can fix, before it is checked.
    var repair: Bool?

    /// Whether the answer goes through ``SelfCheckingGenerator`` (more than one checked call or an edit).
    var checksItself: Bool { (bestOf ?? 1) > 1 || revise == true || repair == true }
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
    /// With `bestOf`, `revise` or `repair`: every candidate as scored, the one kept, the revision pass and
    /// what was repaired (absent otherwise).
    var candidates: [CheckedGeneration.Candidate]?
    var chosen: Int?
    var revision: CheckedGeneration.Revision?
    var repaired: [String]?
}
