import AuthorshipData
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

/// The judges' references never contain a text the generator saw (SPEC 2.1: references are texts the
/// generator never saw), and what the judges are shown in a run is exactly those references.
struct JudgeReferencesTests {
    static func assertDisjoint(_ corpus: AuthorshipCorpus, trainingTexts: Int) {
        for author in corpus.authors {
            let inputs = JudgeReferences.generatorInputs(author, trainingTexts: trainingTexts)
            let references = JudgeReferences.texts(author, trainingTexts: trainingTexts, limit: 50)
            let tests = Set(author.testItems.map(\.realOutput))
            for reference in references {
                #expect(!inputs.contains(reference), "\(author.author): a reference is a generator input")
                #expect(!tests.contains(reference), "\(author.author): a reference is a test output")
                #expect(!inputs.contains { !$0.isEmpty && reference.contains($0) }, "\(author.author): a reference contains a generator input")
            }
        }
    }

    @Test func referencesAreDisjointFromGeneratorInputsOnTheSyntheticCorpus() {
        Self.assertDisjoint(SyntheticCorpus.corpus, trainingTexts: 7)
        #expect(JudgeReferences.texts(SyntheticCorpus.corpus.authors[0], trainingTexts: 7, limit: 10).count == 4)
    }

    @Test(.enabled(if: SharedData.has("ccat50/c50train.jsonl"), "shared data not found"))
    func referencesAreDisjointFromGeneratorInputsOnCCAT50AndCMCC() throws {
        for dataset in [AuthorshipDataset.ccat50, .cmcc] {
            let corpus = try AuthorshipCorpusLoader(dataDirectory: SharedData.directory).load(dataset, trainingTextsPerAuthor: 7)
            Self.assertDisjoint(corpus, trainingTexts: 7)
            #expect(corpus.authors.allSatisfy { !JudgeReferences.texts($0, trainingTexts: 7, limit: 7).isEmpty })
            // A second judge's reference: the next held-out texts, none of them in the first reference.
            for author in corpus.authors {
                let first = JudgeReferences.texts(author, trainingTexts: 7, limit: 7)
                let second = JudgeReferences.texts(author, trainingTexts: 7, limit: 7, skipping: 7)
                #expect(Set(first).isDisjoint(with: second))
                #expect(first + second == JudgeReferences.texts(author, trainingTexts: 7, limit: 14))
                if dataset == .ccat50 { #expect(second.count == 7) }
            }
        }
    }

    /// In a run, the LLM judge is shown no training text, whatever the generator was given.
    @Test func theLLMJudgeIsShownOnlyHeldOutTexts() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond(SyntheticCorpus.answer))
        let configuration = AuthorshipRunConfiguration(
            dataset: .ccat50, authors: 3, promptsPerAuthor: 1, trainingTexts: 7,
            systems: [.variant(.fewShot)], baseline: .variant(.zeroShot), judges: [.llm])
        let files = RunFiles(directory: FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString)"))
        _ = try await AuthorshipEvaluation(model: model, configuration: configuration).run(corpus: SyntheticCorpus.corpus, in: files)
        let judgeRequests = model.requests.filter {
            if case .jsonSchema(let name, _) = $0.responseFormat { return name == "authorship_verdict" }
            return false
        }
        #expect(!judgeRequests.isEmpty)
        let training = SyntheticCorpus.corpus.authors.flatMap(\.trainingTexts)
        for request in judgeRequests {
            let shown = request.messages.map(\.content).joined()
            #expect(!training.contains { shown.contains($0) }, "the judge was shown a training text")
        }
    }
}
