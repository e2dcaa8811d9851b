import AuthorshipData
import Foundation
import HyPerAlign
import RunFolders
import Statistics

extension AuthorshipEvaluation {
    /// One judgement still to make.
    enum Judgement: Sendable {
        case system(JudgeKind, AuthorData, TestItem, EvaluatedSystem)
        case groundTruth(JudgeKind, AuthorData, TestItem, AuthorshipSlice.Foil)
        case groundTruthZeroShot(JudgeKind, AuthorData, TestItem)
    }

    /// Makes every missing judgement: each contender against the baseline and each judge's two
    /// ground-truth checks (real text vs another author's, real text vs zero-shot on the same prompt).
    func judge(
        slice: AuthorshipSlice, corpus: AuthorshipCorpus, candidates: KeyedRecords<GenerationRecord>,
        log: JSONLinesLog<ComparisonRecord>, judged: KeyedRecords<ComparisonRecord>
    ) async throws {
        var all: [(String, Judgement)] = []
        for judge in configuration.judges {
            for author in slice.authors {
                for item in author.testItems {
                    for system in configuration.contenders {
                        all.append((ComparisonRecord.systemKey(judge: judge, system: system, baseline: configuration.baseline, itemID: item.id),
                                    .system(judge, author, item, system)))
                    }
                    if let foil = slice.foils[item.id] {
                        all.append((ComparisonRecord.groundTruthKey(judge: judge, itemID: item.id, foilItemID: foil.item.id),
                                    .groundTruth(judge, author, item, foil)))
                    }
                    all.append((ComparisonRecord.zeroShotGroundTruthKey(judge: judge, itemID: item.id), .groundTruthZeroShot(judge, author, item)))
                }
            }
        }
        let pending = all.filter { judged[$0.0] == nil }
        let tracker = ProgressTracker(phase: "judgements", total: all.count, handler: progress)
        tracker.resumed(all.count - pending.count)
        let judges = try makeJudges(slice: slice, corpus: corpus)
        try await forEach(pending, limit: concurrency) { key, judgement in
            if let record = try await decide(judgement, key: key, candidates: candidates, judges: judges) {
                try log.append(record)
                judged.insert(record, for: key)
            }
            tracker.step()
        }
    }

    /// One judge per kind asked for; the stylometric one is fitted only when it is used. The LLM judge
    /// runs on ``judgeModel`` (a separate, stronger model when one is given).
    private func makeJudges(slice: AuthorshipSlice, corpus: AuthorshipCorpus) throws -> [JudgeKind: any PairJudge] {
        var judges: [JudgeKind: any PairJudge] = [:]
        for kind in configuration.judges {
            switch kind {
            case .stylometric:
                judges[kind] = try StylometricPairJudge(
                    corpus: corpus, authors: slice.authors, trainingTexts: configuration.trainingTexts,
                    referenceTexts: configuration.trainingTexts)
            case .llm:
                judges[kind] = LLMPairwiseJudge(
                    model: judgeModel, prompts: judgePrompts, referenceTokenBudget: configuration.referenceTokenBudget,
                    candidateTokenBudget: configuration.candidateTokenBudget)
            }
        }
        return judges
    }

    private func decide(
        _ judgement: Judgement, key: String, candidates: KeyedRecords<GenerationRecord>, judges: [JudgeKind: any PairJudge]
    ) async throws -> ComparisonRecord? {
        switch judgement {
        case .system(let judge, let author, let item, let system):
            guard let candidate = candidates[GenerationRecord.key(system: system, itemID: item.id)],
                  let opponent = candidates[GenerationRecord.key(system: configuration.baseline, itemID: item.id)]
            else { return nil }
            var record = ComparisonRecord(
                key: key, kind: .system, judge: judge, author: author.author, itemID: item.id, system: system.description,
                opponent: configuration.baseline.description, outcome: .tie, detail: "")
            // A side without a text loses (both without: a tie) — a failure counts, it never leaves the denominator.
            switch (candidate.failure, opponent.failure) {
            case (nil, nil):
                (record.outcome, record.detail) = try await verdict(judge, candidate.text, opponent.text, author: author, excluding: [], judges: judges)
            case (let failure?, nil):
                (record.outcome, record.detail, record.failed) = (.loss, "\(system) failed: \(failure)", true)
            case (nil, let failure?):
                (record.outcome, record.detail, record.failed) = (.win, "\(configuration.baseline) failed: \(failure)", true)
            case (let failure?, let other?):
                (record.outcome, record.detail, record.failed) = (.tie, "both failed: \(failure); \(other)", true)
            }
            return record
        case .groundTruth(let judge, let author, let item, let foil):
            // The foil's author is no impostor here, so the check cannot be passed by recognising the foil.
            let (outcome, detail) = try await verdict(
                judge, item.realOutput, foil.item.realOutput, author: author, excluding: [foil.author], judges: judges)
            return ComparisonRecord(
                key: key, kind: .groundTruth, judge: judge, author: author.author, itemID: item.id, system: "real",
                opponent: "foil:\(foil.author)", outcome: outcome, detail: detail)
        case .groundTruthZeroShot(let judge, let author, let item):
            // The task itself: the author's real continuation against a model's zero-shot answer to the same prompt.
            guard let zeroShot = candidates[GenerationRecord.key(system: .variant(.zeroShot), itemID: item.id)],
                  zeroShot.failure == nil else { return nil }
            let (outcome, detail) = try await verdict(judge, item.realOutput, zeroShot.text, author: author, excluding: [], judges: judges)
            return ComparisonRecord(
                key: key, kind: .groundTruthZeroShot, judge: judge, author: author.author, itemID: item.id, system: "real",
                opponent: "zero-shot", outcome: outcome, detail: detail)
        }
    }

    private func verdict(
        _ kind: JudgeKind, _ candidate: String, _ opponent: String, author: AuthorData, excluding: Set<String>,
        judges: [JudgeKind: any PairJudge]
    ) async throws -> (PairwiseOutcome, String) {
        guard let judge = judges[kind] else { throw EvaluationError("the \(kind) judge was not built") }
        return try await judge.judge(JudgedPair(
            candidate: candidate, opponent: opponent, author: author, excluding: excluding,
            references: JudgeReferences.texts(author, trainingTexts: configuration.trainingTexts, limit: configuration.trainingTexts)))
    }
}
