import HyPerAlign

/// One answer of the adherence benchmark: who, which prompt, which variant, and how it scored.
public struct AdherenceRecord: Sendable, Hashable, Codable {
    public var dataset: String
    public var author: String
    public var item: String
    public var variant: String
    public var text: String
    /// Measured habits followed, of those checked.
    public var satisfied: Int
    public var checked: Int
    /// Each habit checked, by name (``CheckableHabit/Kind/name``), and whether the answer follows it
    /// (nil in records written before this field existed).
    public var habits: [String: Bool]?
    /// The stylometric judge against the zero-shot answer to the same prompt: 1 win, ½ tie, 0 loss
    /// (nil for zero-shot itself).
    public var winAgainstZeroShot: Double?
    /// Whether the answer ran into the token budget and ended at its last full sentence
    /// (``CheckedGeneration/endedAtBudget``; nil in records written before this field existed).
    public var endedAtBudget: Bool?
    /// Wall-clock seconds of the answer in this run (a response-cache hit takes none).
    public var seconds: Double
    /// Model time of its calls as measured when they were made (``CheckedGeneration/modelSeconds``; nil in
    /// records written before this field existed).
    public var modelSeconds: Double?
    public var promptTokens: Int
    public var completionTokens: Int
    /// Every candidate of a best-of answer, with the habits it followed and its closeness to the person's
    /// texts, and which one was kept (nil for a single answer, and in records written before these fields).
    public var candidates: [CheckedGeneration.Candidate]?
    public var chosenCandidate: Int?
    /// The judge's verdict on every candidate of a best-of answer against the same zero-shot answer (1, ½, 0,
    /// in candidate order): what the choice gained over keeping any one candidate, and what the best pick
    /// could have had (nil for single answers, and in records written before this field existed).
    public var candidateWins: [Double]?
    /// A second stylometric judge's closeness of every candidate to the author, its reference built from
    /// held-out texts disjoint from the first judge's (nil where the author has too few texts, and in older
    /// records): its pick, scored by the first judge, is what a choice by the author's style alone can gain.
    public var secondReferenceCloseness: [Double]?
    /// Every candidate's closeness to the texts the person gave, as `--choose style` measures it
    /// (``StyleMatcher`` against the data set's other authors' given texts; no held-out text): what that
    /// choice would keep (nil in older records).
    public var ownTextsCloseness: [Double]?

    /// Whether closeness to the person's texts chose this answer: another candidate followed as many habits.
    public var choiceTiedOnHabits: Bool? {
        guard let candidates, let chosenCandidate else { return nil }
        return CheckedGeneration.tiedOnHabits(candidates, chosen: chosenCandidate)
    }

    package init(
        dataset: String, author: String, item: String, variant: String, text: String, satisfied: Int, checked: Int,
        habits: [String: Bool]? = nil, winAgainstZeroShot: Double?, endedAtBudget: Bool? = nil, seconds: Double,
        modelSeconds: Double? = nil, promptTokens: Int, completionTokens: Int,
        candidates: [CheckedGeneration.Candidate]? = nil, chosenCandidate: Int? = nil, candidateWins: [Double]? = nil,
        secondReferenceCloseness: [Double]? = nil, ownTextsCloseness: [Double]? = nil
    ) {
        self.dataset = dataset
        self.author = author
        self.item = item
        self.variant = variant
        self.text = text
        self.satisfied = satisfied
        self.checked = checked
        self.habits = habits
        self.winAgainstZeroShot = winAgainstZeroShot
        self.endedAtBudget = endedAtBudget
        self.seconds = seconds
        self.modelSeconds = modelSeconds
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.candidates = candidates
        self.chosenCandidate = chosenCandidate
        self.candidateWins = candidateWins
        self.secondReferenceCloseness = secondReferenceCloseness
        self.ownTextsCloseness = ownTextsCloseness
    }
}

/// The stylometric judge's ground-truth check for one prompt: does it prefer the author's real answer
/// over the zero-shot one?
public struct AdherenceGroundTruth: Sendable, Hashable, Codable {
    public var dataset: String
    public var author: String
    public var item: String
    /// 1 when the real text wins, ½ on a tie, 0 when the zero-shot answer wins.
    public var realOverZeroShot: Double

    package init(dataset: String, author: String, item: String, realOverZeroShot: Double) {
        self.dataset = dataset
        self.author = author
        self.item = item
        self.realOverZeroShot = realOverZeroShot
    }
}
