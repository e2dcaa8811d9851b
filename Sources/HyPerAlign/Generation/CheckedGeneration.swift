import LanguageModels

/// An answer together with how it follows the person's measured habits, and how it was chosen.
public struct CheckedGeneration: Sendable, Hashable, Codable {
    /// One sampled candidate, as scored.
    public struct Candidate: Sendable, Hashable, Codable {
        public var seed: Int?
        /// Habits followed, of ``AdherenceReport/checked``.
        public var satisfied: Int
        /// Stylistic closeness to the person's texts, the tie-breaker (``StylisticCloseness``: bits per
        /// byte by which the person's texts predict it better than the other candidates do).
        public var closeness: Double
        /// The candidate as checked, so a caller can see what the choice was between (nil in JSON written
        /// before this field existed).
        public var text: String?

        public init(seed: Int?, satisfied: Int, closeness: Double, text: String? = nil) {
            self.seed = seed
            self.satisfied = satisfied
            self.closeness = closeness
            self.text = text
        }
    }

    /// Whether closeness chose candidate `chosen`: another of `candidates` followed as many habits.
    public static func tiedOnHabits(_ candidates: [Candidate], chosen: Int) -> Bool {
        guard candidates.indices.contains(chosen) else { return false }
        return candidates.filter { $0.satisfied == candidates[chosen].satisfied }.count > 1
    }

    /// The most candidates one answer may sample (`--best-of`, the service's `bestOf`, the benchmark).
    public static let maxCandidates = 16

    /// The answer kept.
    public var text: String
    /// The kept answer checked against every measured habit.
    public var adherence: AdherenceReport
    /// Every candidate of a best-of-N (one entry without it).
    public var candidates: [Candidate]
    /// Which candidate was kept (0-based).
    public var chosen: Int
    /// Whether a revision pass ran, and whether its rewrite was kept.
    public var revision: Revision?
    /// Habits the kept answer was mechanically repaired to follow (`--repair`; nil without it).
    public var repaired: [String]?
    /// True when the kept answer ran into the token budget and its unfinished last sentence was dropped.
    public var endedAtBudget: Bool?
    /// Tokens of every call made for this answer.
    public var usage: TokenUsage
    /// Wall-clock seconds from the first call to the answer.
    public var seconds: Double
    /// Seconds of model time as each call measured it when it was made: the slowest of the parallel
    /// candidates plus the rewrite. Unlike ``seconds`` it holds for answers served from a response cache.
    public var modelSeconds: Double?
    public var model: ModelID

    public init(
        text: String, adherence: AdherenceReport, candidates: [Candidate], chosen: Int, revision: Revision?,
        repaired: [String]? = nil, endedAtBudget: Bool? = nil, usage: TokenUsage, seconds: Double,
        modelSeconds: Double? = nil, model: ModelID
    ) {
        self.text = text
        self.adherence = adherence
        self.candidates = candidates
        self.chosen = chosen
        self.revision = revision
        self.repaired = repaired
        self.endedAtBudget = endedAtBudget
        self.usage = usage
        self.seconds = seconds
        self.modelSeconds = modelSeconds
        self.model = model
    }

    /// The outcome of the one rewrite pass.
    public struct Revision: Sendable, Hashable, Codable {
        /// The violated habits named in the rewrite request.
        public var named: [String]
        /// Habits the draft followed.
        public var draftSatisfied: Int
        /// Habits the rewrite followed.
        public var rewriteSatisfied: Int
        /// Whether the rewrite replaced the draft (it follows at least as many habits).
        public var kept: Bool
    }
}
