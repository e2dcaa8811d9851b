import Statistics

/// One generated (or imported) candidate, kept in `generations.jsonl`.
public struct GenerationRecord: Sendable, Hashable, Codable {
    public var key: String
    public var author: String
    public var itemID: String
    public var system: String
    public var text: String
    /// Why no text could be made (e.g. hypothesis inference failed); comparisons skip it.
    public var failure: String?

    public static func key(system: EvaluatedSystem, itemID: String) -> String { "gen|\(system)|\(itemID)" }
}

/// One finished judgement, kept in `comparisons.jsonl`: a system against the baseline, or a judge's
/// ground-truth check (the author's real text against another author's real text).
public struct ComparisonRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case system
        case groundTruth = "ground-truth"
    }

    public var key: String
    public var kind: Kind
    public var judge: JudgeKind
    public var author: String
    public var itemID: String
    /// The system under test, or `real` in a ground-truth check.
    public var system: String
    /// The baseline, or `foil:AUTHOR` in a ground-truth check.
    public var opponent: String
    /// From `system`'s point of view.
    public var outcome: PairwiseOutcome
    /// What the judge saw and said, e.g. `system first: A; baseline first: A` or the two scores.
    public var detail: String

    public static func systemKey(judge: JudgeKind, system: EvaluatedSystem, baseline: EvaluatedSystem, itemID: String) -> String {
        "cmp|\(judge)|\(system)|\(baseline)|\(itemID)"
    }

    public static func groundTruthKey(judge: JudgeKind, itemID: String, foilItemID: String) -> String {
        "gt|\(judge)|\(itemID)|\(foilItemID)"
    }
}
