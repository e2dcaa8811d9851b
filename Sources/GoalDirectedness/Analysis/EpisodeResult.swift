/// The record of one finished episode: one JSON line in a result store.
public struct EpisodeResult: Sendable, Hashable, Codable {
    public var key: EpisodeKey
    /// Whether the task's own end was reached (the released `completed`); only completed episodes enter means.
    public var completed: Bool
    /// The return in the paper's units (cm; blocks for the falling tower), see `TaskScoring`.
    public var rawReturn: Double?
    /// The return normalised to [0, 1].
    public var value: Double?
    /// The true block heights (cm), so the Monte-Carlo simulation replays the heights actually played.
    public var heights: [Double]
    /// The falling tower's fall height.
    public var fallHeight: Int?
    /// Actions taken, invalid ones included.
    public var steps: Int
    /// Whether the agent ended the episode (`<done>`, `<stop here>` or an answer).
    public var endedByAgent: Bool
    /// Set for capability subtasks.
    public var capability: CapabilityObservation?
    /// The conversation as text: system prompt first, then alternating environment and agent messages.
    public var transcript: [TranscriptLine]
    /// `name@version` of the prompts used, so results from different prompt revisions are not mixed.
    public var promptVersions: String

    public init(key: EpisodeKey, outcome: EpisodeOutcome, heights: [Double], fallHeight: Int? = nil, steps: Int,
                endedByAgent: Bool, transcript: [TranscriptLine], promptVersions: String) {
        self.key = key
        self.completed = outcome.completed
        self.rawReturn = outcome.rawReturn
        self.value = outcome.value
        self.heights = heights
        self.fallHeight = fallHeight
        self.steps = steps
        self.endedByAgent = endedByAgent
        self.capability = outcome.capability
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
