/// Which of two candidates the judge thinks the author more likely wrote.
public struct JudgeVerdict: Sendable, Hashable {
    public enum Preference: String, Sendable, Hashable, Codable {
        case a, b, tie
    }

    public var preferred: Preference
    public var scoreA: CandidateScore
    public var scoreB: CandidateScore
}
