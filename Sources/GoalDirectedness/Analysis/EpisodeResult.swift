/// The record of one finished episode: one JSON line in a result store.
public struct EpisodeResult: Sendable, Hashable, Codable {
    public var key: EpisodeKey
    /// The task's return in [0, 1] (see `TaskScoring`).
    public var value: Double
    /// Actions taken, invalid ones included.
    public var steps: Int
    /// Whether the agent ended the episode (`<done>` or an answer) rather than the step budget.
    public var endedByAgent: Bool
    /// Set for capability subtasks.
    public var capability: CapabilityObservation?
    /// The conversation as text: system prompt first, then alternating environment and agent messages.
    public var transcript: [TranscriptLine]
    /// `name@version` of the prompts used, so results from different prompt revisions are not mixed.
    public var promptVersions: String

    public init(key: EpisodeKey, value: Double, steps: Int, endedByAgent: Bool,
                capability: CapabilityObservation?, transcript: [TranscriptLine], promptVersions: String) {
        self.key = key
        self.value = value
        self.steps = steps
        self.endedByAgent = endedByAgent
        self.capability = capability
        self.transcript = transcript
        self.promptVersions = promptVersions
    }
}

/// One line of a transcript.
public struct TranscriptLine: Sendable, Hashable, Codable {
    public var role: String
    public var text: String

    public init(role: String, text: String) {
        self.role = role
        self.text = text
    }
}
