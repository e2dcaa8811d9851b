/// The judges of the author-style benchmark, each reported on its own (SPEC 2.1).
public enum JudgeKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// An LLM shown the author's texts and two candidates, asked in both orders.
    case llm
    /// Character n-gram cosine, Burrows' Delta and impostors; no LLM.
    case stylometric

    public var description: String { rawValue }
}
