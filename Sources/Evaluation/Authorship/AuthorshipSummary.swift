import AuthorshipData
import Statistics

/// The result of an author-style emulation run: per judge, its ground-truth accuracy and each system's
/// win-rate against the baseline, per author and overall, with 95% bootstrap intervals.
public struct AuthorshipSummary: Sendable, Hashable, Codable {
    /// One system against the baseline, by one judge.
    public struct SystemResult: Sendable, Hashable, Codable {
        public var system: String
        public var opponent: String
        public var overall: RateSummary
        public var perAuthor: [AuthorRate]
    }

    public struct AuthorRate: Sendable, Hashable, Codable {
        public var author: String
        public var rate: RateSummary
    }

    /// Everything one judge said.
    public struct JudgeResult: Sendable, Hashable, Codable {
        public var judge: JudgeKind
        /// How often the judge prefers the author's real held-out text over another author's real text.
        public var groundTruthAccuracy: RateSummary
        public var systems: [SystemResult]
    }

    public var dataset: String
    public var model: String
    public var baseline: String
    public var authors: [String]
    public var promptsPerAuthor: Int
    public var trainingTexts: Int
    public var judges: [JudgeResult]
    /// Candidates that could not be made (e.g. inference failed), by generation key.
    public var failures: [String]
    /// Model calls this invocation made (not served from the cache); nil when not metered.
    public var modelCalls: Int?

    /// Builds the summary from the run's records (only those of this configuration's slice).
    package static func make(
        configuration: AuthorshipRunConfiguration, model: String, authors: [String],
        comparisons: [ComparisonRecord], generations: [GenerationRecord], modelCalls: Int? = nil
    ) -> AuthorshipSummary {
        let authorSet = Set(authors)
        let relevant = comparisons.filter { authorSet.contains($0.author) }
        let judges = configuration.judges.map { judge in
            let mine = relevant.filter { $0.judge == judge }
            let truth = mine.filter { $0.kind == .groundTruth }.map(\.outcome)
            let systems = configuration.contenders.map { system in
                let rows = mine.filter { $0.kind == .system && $0.system == system.description && $0.opponent == configuration.baseline.description }
                let perAuthor = authors.map { author in
                    AuthorRate(author: author, rate: RateSummary(rows.filter { $0.author == author }.map(\.outcome)))
                }
                return SystemResult(
                    system: system.description, opponent: configuration.baseline.description,
                    overall: RateSummary(rows.map(\.outcome)), perAuthor: perAuthor)
            }
            return JudgeResult(judge: judge, groundTruthAccuracy: RateSummary(truth), systems: systems)
        }
        let failures = generations.filter { $0.failure != nil && authorSet.contains($0.author) }
            .map { "\($0.key): \($0.failure ?? "")" }.sorted()
        return AuthorshipSummary(
            dataset: configuration.dataset.rawValue, model: model, baseline: configuration.baseline.description,
            authors: authors, promptsPerAuthor: configuration.promptsPerAuthor,
            trainingTexts: configuration.trainingTexts, judges: judges, failures: failures, modelCalls: modelCalls)
    }
}
