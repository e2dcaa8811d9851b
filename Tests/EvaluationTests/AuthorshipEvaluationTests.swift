import AuthorshipData
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels
import Testing

struct AuthorshipEvaluationTests {
    static func configuration() -> AuthorshipRunConfiguration {
        AuthorshipRunConfiguration(
            dataset: .ccat50, authors: 3, promptsPerAuthor: 2, trainingTexts: 7,
            systems: [.variant(.hyperalign)], baseline: .variant(.zeroShot), judges: [.llm, .stylometric])
    }

    static func evaluation<M: ChatModel>(_ model: M, concurrency: Int = 2) -> AuthorshipEvaluation<M> {
        AuthorshipEvaluation(model: model, configuration: configuration(), generation: GenerationOptions(maxTokens: 100), concurrency: concurrency)
    }

    static func folder() -> RunFiles {
        RunFiles(directory: FileManager.default.temporaryDirectory.appendingPathComponent("authorship-\(UUID().uuidString)"))
    }

    @Test func writesEveryComparisonTheSummaryAndTheReports() async throws {
        let files = Self.folder()
        let model = CountingModel()
        let summary = try await Self.evaluation(model).run(corpus: SyntheticCorpus.corpus, in: files)
        // 3 inferences + 3 authors × 2 prompts × 2 systems + LLM judge (6 system + 6 + 6 ground-truth pairs) × 2 orders.
        #expect(model.count == 3 + 12 + 36)
        let comparisons = try String(contentsOf: files.comparisons, encoding: .utf8).split(separator: "\n")
        #expect(comparisons.count == 2 * (6 + 6 + 6))
        let llm = try #require(summary.judges.first { $0.judge == .llm })
        // The scripted judge prefers "Short version", which only the hyperalign candidates and ann's texts have.
        #expect(llm.systems[0].overall.estimate == 1)
        #expect(llm.systems[0].perAuthor.count == 3)
        let stylometric = try #require(summary.judges.first { $0.judge == .stylometric })
        #expect(stylometric.groundTruthAccuracy.comparisons == 6)
        #expect(stylometric.groundTruthAccuracy.estimate >= 0.8)
        // The same-prompt check: real continuation against zero-shot, for every judge.
        #expect(stylometric.zeroShotGroundTruthAccuracy.comparisons == 6)
        #expect(llm.zeroShotGroundTruthAccuracy.comparisons == 6)
        #expect(llm.systems[0].overall.resampled == "authors" && llm.systems[0].perAuthor[0].rate.resampled == "comparisons")
        for url in [files.summary, files.markdown, files.html, files.plot, files.manifest] {
            #expect(FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) missing")
        }
        let svg = try String(contentsOf: files.plot, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("overall") && svg.contains("hyperalign · llm judge"))
        let markdown = try String(contentsOf: files.markdown, encoding: .utf8)
        #expect(markdown.contains("ground-truth accuracy"))
    }

    @Test func aFinishedRunReRunsWithoutModelCalls() async throws {
        let files = Self.folder()
        let cache = try ResponseCache(directory: files.directory.appendingPathComponent("cache"))
        let first = CountingModel()
        let summary = try await Self.evaluation(CachedChatModel(first, cache: cache)).run(corpus: SyntheticCorpus.corpus, in: files)
        #expect(first.count > 0)
        let second = CountingModel()
        let again = try await Self.evaluation(CachedChatModel(second, cache: cache)).run(corpus: SyntheticCorpus.corpus, in: files)
        #expect(second.count == 0)
        #expect(again == summary)
    }

    @Test func aCrashedRunResumesWithoutRepeatingFinishedCalls() async throws {
        let files = Self.folder()
        let cache = try ResponseCache(directory: files.directory.appendingPathComponent("cache"))
        // The calls a whole uninterrupted run makes (through its own cache: equal requests are one call).
        let reference = CountingModel()
        let referenceFolder = Self.folder()
        let referenceCache = try ResponseCache(directory: referenceFolder.directory.appendingPathComponent("cache"))
        // One call at a time: two equal requests in flight together would both miss the cache.
        _ = try await Self.evaluation(CachedChatModel(reference, cache: referenceCache), concurrency: 1).run(corpus: SyntheticCorpus.corpus, in: referenceFolder)
        // The first attempt dies after 20 calls (as a killed process would stop answering).
        let crashing = CountingModel(failAfter: 20)
        await #expect(throws: (any Error).self) {
            try await Self.evaluation(CachedChatModel(crashing, cache: cache), concurrency: 1).run(corpus: SyntheticCorpus.corpus, in: files)
        }
        let kept = try String(contentsOf: files.comparisons, encoding: .utf8).split(separator: "\n").count
            + (try String(contentsOf: files.generations, encoding: .utf8).split(separator: "\n").count)
        #expect(kept > 0)
        let resumed = CountingModel()
        _ = try await Self.evaluation(CachedChatModel(resumed, cache: cache), concurrency: 1).run(corpus: SyntheticCorpus.corpus, in: files)
        // Every call the crashed run finished was served from the cache: together they made each call once.
        #expect(min(crashing.count, 20) + resumed.count == reference.count)
    }

    @Test func aRunFolderOfAnotherRunIsRefused() async throws {
        let files = Self.folder()
        _ = try await Self.evaluation(CountingModel()).run(corpus: SyntheticCorpus.corpus, in: files)
        var other = Self.configuration()
        other.promptsPerAuthor = 1
        await #expect(throws: EvaluationError.self) {
            try await AuthorshipEvaluation(model: CountingModel(), configuration: other).run(corpus: SyntheticCorpus.corpus, in: files)
        }
    }

    @Test func importedOutputsAreJudgedLikeGeneratedOnes() async throws {
        let files = Self.folder()
        let imported = files.directory.appendingPathComponent("external.jsonl")
        try FileManager.default.createDirectory(at: files.directory, withIntermediateDirectories: true)
        let lines = SyntheticCorpus.corpus.authors.flatMap { author in
            author.testItems.map { #"{"author": "\#(author.author)", "item_id": "\#($0.id)", "output": "Short version: imported."}"# }
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: imported)
        let configuration = AuthorshipRunConfiguration(
            authors: 3, promptsPerAuthor: 2, systems: [.imported(path: imported.path)], judges: [.llm])
        let model = CountingModel()
        let summary = try await AuthorshipEvaluation(model: model, configuration: configuration).run(corpus: SyntheticCorpus.corpus, in: files)
        #expect(summary.judges[0].systems[0].system == "imported:\(imported.path)")
        #expect(summary.judges[0].systems[0].overall.estimate == 1)
        // No inference: only the baseline's 6 generations and 18 judged pairs (6 system, 6 + 6 ground-truth) × 2 orders.
        #expect(model.count == 6 + 36)
    }

    @Test func systemNamesParse() throws {
        #expect(try EvaluatedSystem(parsing: "hyperalign+examples") == .variant(.hyperalignExamples))
        #expect(try EvaluatedSystem(parsing: "imported:ditto.jsonl") == .imported(path: "ditto.jsonl"))
        #expect(throws: EvaluationError.self) { try EvaluatedSystem(parsing: "gpt") }
    }
}
