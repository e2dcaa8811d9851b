import Statistics

/// One generated (or imported) candidate, kept in `generations.jsonl`.
package struct GenerationRecord: Sendable, Hashable, Codable {
    package var key: String
    package var author: String
    package var itemID: String
    package var system: String
    package var text: String
    /// Why no text could be made (e.g. hypothesis inference failed); comparisons skip it.
    package var failure: String?

    package static func key(system: EvaluatedSystem, itemID: String) -> String { "gen|\(system)|\(itemID)" }
}

/// One finished judgement, kept in `comparisons.jsonl`: a system against the baseline, or a judge's
/// ground-truth check (the author's real text against another author's real text).
package struct ComparisonRecord: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable {
        case system
        case groundTruth = "ground-truth"
    }

    package var key: String
    package var kind: Kind
    package var judge: JudgeKind
    package var author: String
    package var itemID: String
    /// The system under test, or `real` in a ground-truth check.
    package var system: String
    /// The baseline, or `foil:AUTHOR` in a ground-truth check.
    package var opponent: String
    /// From `system`'s point of view.
    package var outcome: PairwiseOutcome
    /// What the judge saw and said, e.g. `system first: A; baseline first: A` or the two scores.
    package var detail: String

    package static func systemKey(judge: JudgeKind, system: EvaluatedSystem, baseline: EvaluatedSystem, itemID: String) -> String {
        "cmp|\(judge)|\(system)|\(baseline)|\(itemID)"
    }

    package static func groundTruthKey(judge: JudgeKind, itemID: String, foilItemID: String) -> String {
        "gt|\(judge)|\(itemID)|\(foilItemID)"
    }
}
