/// What happened during one inference, so a person can see what was checked and dropped.
public struct InferenceReport: Sendable, Hashable, Codable {
    public struct Note: Sendable, Hashable, Codable {
        public var statement: String
        public var message: String

        public init(statement: String, message: String) {
            self.statement = statement
            self.message = message
        }
    }

    public var attempts: Int
    /// Quotes replaced by the verbatim sentence they paraphrased.
    public var repairedEvidence: [Note]
    /// Hypotheses dropped because none of their quotes occur in the texts.
    public var droppedHypotheses: [Note]
    /// Entries of the answer that could not be read at all.
    public var skippedEntries: [String]
    /// Attributes the model proposed that were dropped (`name: value`) and why (see ``AttributeValidator``).
    public var droppedAttributes: [Note] = []
    public var textsUsed: Int
    public var textsGiven: Int

    public init(
        attempts: Int = 0, repairedEvidence: [Note] = [], droppedHypotheses: [Note] = [],
        skippedEntries: [String] = [], textsUsed: Int = 0, textsGiven: Int = 0
    ) {
        self.attempts = attempts
        self.repairedEvidence = repairedEvidence
        self.droppedHypotheses = droppedHypotheses
        self.skippedEntries = skippedEntries
        self.textsUsed = textsUsed
        self.textsGiven = textsGiven
    }
}

/// Inference gave up: every attempt's answer was unusable.
public struct InferenceError: Error, Sendable, CustomStringConvertible {
    public var userID: String
    public var attempts: Int
    public var lastProblem: String

    public var description: String {
        "hypothesis inference for '\(userID)' failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(lastProblem)"
    }
}
