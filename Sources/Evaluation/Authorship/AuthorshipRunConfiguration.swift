import AuthorshipData
import HyPerAlign

/// What an author-style emulation run compares, on which slice of which data set.
///
/// Stored as `run.json` in the run folder: a resumed run must ask the same questions.
public struct AuthorshipRunConfiguration: Sendable, Hashable, Codable {
    public var dataset: AuthorshipDataset
    /// The first `authors` authors of the data set (in its stable order).
    public var authors: Int
    /// The first test prompts of each author.
    public var promptsPerAuthor: Int
    /// Training texts per author: the generator's inputs (inference and examples). The judges' references
    /// are other texts of the author (``JudgeReferences``), never these.
    public var trainingTexts: Int
    /// The systems judged against ``baseline``.
    public var systems: [EvaluatedSystem]
    public var baseline: EvaluatedSystem
    public var judges: [JudgeKind]
    /// Budget of the author's reference texts shown to the LLM judge, in estimated tokens.
    public var referenceTokenBudget: Int
    /// Budget of each candidate shown to the LLM judge, in estimated tokens.
    public var candidateTokenBudget: Int

    public init(
        dataset: AuthorshipDataset = .ccat50, authors: Int = 10, promptsPerAuthor: Int = 3, trainingTexts: Int = 7,
        systems: [EvaluatedSystem] = [.variant(.hyperalign), .variant(.fewShot)],
        baseline: EvaluatedSystem = .variant(.zeroShot), judges: [JudgeKind] = JudgeKind.allCases,
        referenceTokenBudget: Int = 3000, candidateTokenBudget: Int = 900
    ) {
        self.dataset = dataset
        self.authors = authors
        self.promptsPerAuthor = promptsPerAuthor
        self.trainingTexts = trainingTexts
        self.systems = systems
        self.baseline = baseline
        self.judges = judges
        self.referenceTokenBudget = referenceTokenBudget
        self.candidateTokenBudget = candidateTokenBudget
    }

    /// The systems judged against the baseline (the baseline itself removed).
    public var contenders: [EvaluatedSystem] { systems.filter { $0 != baseline } }

    /// Every system whose outputs are needed: the contenders, the baseline, and zero-shot (the foil of
    /// each judge's same-prompt ground-truth check) when it is neither.
    public var allSystems: [EvaluatedSystem] {
        let needed = contenders + [baseline]
        return needed.contains(.variant(.zeroShot)) ? needed : needed + [.variant(.zeroShot)]
    }

    /// Checks the configuration can run.
    public func validate() throws(EvaluationError) {
        guard authors >= 1 else { throw EvaluationError("--authors must be at least 1") }
        guard promptsPerAuthor >= 1 else { throw EvaluationError("--prompts must be at least 1") }
        guard trainingTexts >= 1 else { throw EvaluationError("--training-texts must be at least 1") }
        guard !judges.isEmpty else { throw EvaluationError("give at least one judge (llm, stylometric)") }
        guard !contenders.isEmpty else {
            throw EvaluationError("give at least one system other than the baseline '\(baseline)'")
        }
    }
}
