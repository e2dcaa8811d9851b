import AuthorshipData
import Statistics

/// The result of an author-style emulation run: per judge, its two ground-truth accuracies and each
/// system's win-rate against the baseline, per author and overall, with 95% bootstrap intervals (overall:
/// a cluster bootstrap over authors).
public struct AuthorshipSummary: Sendable, Hashable, Codable {
    /// One system against the baseline, by one judge.
    public struct SystemResult: Sendable, Hashable, Codable {
        public var system: String
        public var opponent: String
        /// Over all authors; the interval resamples authors, since one author's prompts are correlated.
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
        /// How often it prefers the author's real continuation over a zero-shot output for the same prompt.
        public var zeroShotGroundTruthAccuracy: RateSummary
        public var systems: [SystemResult]
    }

    public var dataset: String
    public var model: String
    /// The LLM judge's model when it is not the generator (`--judge-model`).
    public var judgeModel: String?
    public var baseline: String
    public var authors: [String]
    public var promptsPerAuthor: Int
    public var trainingTexts: Int
    public var judges: [JudgeResult]
    /// Candidates that could not be made (e.g. inference failed), by generation key; their comparisons
    /// count as losses and are shown as failures beside each rate.
    public var failures: [String]
    /// Model calls this invocation made (not served from the cache); nil when not metered.
    public var modelCalls: Int?

    /// Builds the summary from the run's records (only those of this configuration's slice).
    package static func make(
        configuration: AuthorshipRunConfiguration, model: String, judgeModel: String? = nil, authors: [String],
        comparisons: [ComparisonRecord], generations: [GenerationRecord], modelCalls: Int? = nil
    ) -> AuthorshipSummary {
        let authorSet = Set(authors)
        let relevant = comparisons.filter { authorSet.contains($0.author) }
        func clustered(_ rows: [ComparisonRecord]) -> RateSummary {
            RateSummary(
                clusters: authors.map { author in rows.filter { $0.author == author }.map(\.outcome) },
                failures: rows.count { $0.failed == true })
        }
        let judges = configuration.judges.map { judge in
            let mine = relevant.filter { $0.judge == judge }
            let systems = configuration.contenders.map { system in
                let rows = mine.filter { $0.kind == .system && $0.system == system.description && $0.opponent == configuration.baseline.description }
                let perAuthor = authors.map { author in
                    let own = rows.filter { $0.author == author }
                    return AuthorRate(author: author, rate: RateSummary(own.map(\.outcome), failures: own.count { $0.failed == true }))
                }
                return SystemResult(
                    system: system.description, opponent: configuration.baseline.description,
                    overall: clustered(rows), perAuthor: perAuthor)
            }
            return JudgeResult(
                judge: judge, groundTruthAccuracy: clustered(mine.filter { $0.kind == .groundTruth }),
                zeroShotGroundTruthAccuracy: clustered(mine.filter { $0.kind == .groundTruthZeroShot }), systems: systems)
        }
        let failures = generations.filter { $0.failure != nil && authorSet.contains($0.author) }
            .map { "\($0.key): \($0.failure ?? "")" }.sorted()
        return AuthorshipSummary(
            dataset: configuration.dataset.rawValue, model: model, judgeModel: judgeModel, baseline: configuration.baseline.description,
            authors: authors, promptsPerAuthor: configuration.promptsPerAuthor,
            trainingTexts: configuration.trainingTexts, judges: judges, failures: failures, modelCalls: modelCalls)
    }
}
