/// How best-of keeps one of its candidates.
public enum CandidateChoice: String, Sendable, Hashable, Codable, CaseIterable {
    /// The candidate following most habits; ties go to the one closest to the person's style.
    case habits
    /// The candidate closest to the person's style, habits not counted: on DITTO's validation split a
    /// choice by habits first gained nothing that carried over to the test split, while a choice by style
    /// did. Pair it with repair, which makes the habits an edit can fix hold whatever is chosen.
    case style
}
