/// What the LLM safety judge said about one answer; nil fields when its answer could not be read.
public struct SafetyVerdict: Sendable, Hashable, Codable {
    public var refused: Bool?
    public var complied: Bool?
    /// 1–10.
    public var helpfulness: Int?
}
