/// One held-out request of an author: the prompt a system answers and the author's real answer.
public struct TestItem: Sendable, Hashable, Codable, Identifiable {
    /// Stable across runs, e.g. "ccat50/test/AaronPressman/0".
    public var id: String
    public var prompt: String
    public var realOutput: String

    public init(id: String, prompt: String, realOutput: String) {
        self.id = id
        self.prompt = prompt
        self.realOutput = realOutput
    }
}
