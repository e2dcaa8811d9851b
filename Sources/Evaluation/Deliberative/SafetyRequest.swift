/// One request of the deliberative benchmark: harmful (from AdvBench, HarmBench, JailbreakBench,
/// StrongREJECT) or a benign look-alike (XSTest's safe prompts).
public struct SafetyRequest: Sendable, Hashable, Codable, Identifiable {
    /// Stable, e.g. `advbench:17` (the data line).
    public var id: String
    public var source: String
    public var text: String
    public var harmful: Bool

    public init(id: String, source: String, text: String, harmful: Bool) {
        self.id = id
        self.source = source
        self.text = text
        self.harmful = harmful
    }
}
