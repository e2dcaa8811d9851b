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

/// One finished judgement, kept in `comparisons.jsonl`: a system against the baseline, or one of a judge's
/// two ground-truth checks (the author's real text against another author's real text, and against a
/// zero-shot output for the same prompt).
package struct ComparisonRecord: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable {
        case system
        /// The author's real held-out text against another author's real text (often another topic).
        case groundTruth = "ground-truth"
        /// The author's real continuation against a zero-shot output for the same prompt: the task itself.
        case groundTruthZeroShot = "ground-truth-zero-shot"
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
    /// True when one side had no text (its inference or generation failed): scored without a judge, a
    /// loss for the side that failed, and counted as a failure beside the rate.
    package var failed: Bool?

    package static func systemKey(judge: JudgeKind, system: EvaluatedSystem, baseline: EvaluatedSystem, itemID: String) -> String {
        "cmp|\(judge)|\(system)|\(baseline)|\(itemID)"
    }

    package static func groundTruthKey(judge: JudgeKind, itemID: String, foilItemID: String) -> String {
        "gt|\(judge)|\(itemID)|\(foilItemID)"
    }

    package static func zeroShotGroundTruthKey(judge: JudgeKind, itemID: String) -> String {
        "gt0|\(judge)|\(itemID)"
    }
}
