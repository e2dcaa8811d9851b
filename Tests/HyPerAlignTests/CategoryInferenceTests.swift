import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

struct CategoryInferenceTests {
    static let profile = UserProfile(id: "ann", texts: [
        UserText(id: "1", text: "Short version: we ship Friday. The tests are green and the docs are done.\n\n— A."),
        UserText(id: "2", text: "Short version: not yet. Two bugs remain in the importer and one in the export.\n\n— A."),
        UserText(id: "3", text: "Short version: approved. Budget holds if we skip the offsite this year.\n\n— A."),
    ])

    @Test func numbersSentencesRoundRobinWithinTheBudget() {
        let numbered = NumberedSentences(texts: Self.profile.texts.map(\.text), tokenBudget: 40)
        // Each text's first sentence fits before any second sentence does.
        #expect(numbered.sentences.map(\.textIndex).prefix(3) == [0, 1, 2])
        #expect(numbered.sentence(1) == "Short version: we ship Friday.")
        #expect(numbered.sentence(99) == nil)
        #expect(numbered.rendered().contains("<text n=\"2\">\n[2] Short version: not yet."))
        let all = NumberedSentences(texts: Self.profile.texts.map(\.text), tokenBudget: 10_000)
        #expect(all.sentences.count == 5)
        #expect(all.textsUsed == 3)
        // The two-word sign-off and the three-word opening are not offered as evidence (a quote needs four words).
        #expect(!all.sentences.contains { $0.text == "— A." || $0.text == "Short version: approved." })
    }

    @Test func infersEachCategoryInItsOwnRequestWithEvidenceFilledInVerbatim() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in
            let user = request.messages.last?.content ?? ""
            if user.contains("person's communication,") {
                return #"{"hypotheses": [{"statement": "They open with a short verdict.", "evidence": [1, 4]}, {"statement": "They sign with an initial.", "evidence": [99]}], "attributes": {"register": "informal"}}"#
            }
            if user.contains("person's personality,") {
                return #"{"hypotheses": [{"statement": "They seem candid about problems.", "evidence": [4]}]}"#
            }
            return #"{"hypotheses": [{"statement": "They write short declarative sentences.", "evidence": ["2"]}]}"#
        })
        let configuration = InferenceConfiguration(hypothesisCount: 6, smallModelConstraints: true)
        let (set, report) = try await HypothesisInferencer(model: model, configuration: configuration).infer(Self.profile)
        #expect(model.requests.count == 3)
        #expect(Set(set.hypotheses.map(\.category)) == Set(Hypothesis.Category.allCases))
        #expect(set.hypotheses.map(\.category) == [.communication, .personality, .style])
        let numbered = NumberedSentences(texts: Self.profile.texts.map(\.text), tokenBudget: 1200)
        let first = try #require(set.hypotheses.first)
        #expect(first.evidence == [numbered.sentence(1), numbered.sentence(4)].compactMap { $0 })
        let verifier = EvidenceVerifier(texts: Self.profile.texts.map(\.text))
        #expect(set.hypotheses.allSatisfy { $0.evidence.allSatisfy(verifier.contains) })
        // The hypothesis citing a sentence that does not exist is reported, not kept.
        #expect(report.skippedEntries.contains { $0.contains("cites no sentence") })
        #expect(set.attributes.register == "informal")
        #expect(set.attributes.formattingHabits.contains("opens with \"Short version:\" (3 of 3 texts)"))
        #expect(set.provenance.promptVersion == "infer-category@2")
        for request in model.requests {
            guard case .jsonSchema(_, let schema) = request.responseFormat else {
                Issue.record("each category must ask for schema-constrained JSON")
                continue
            }
            // The grammar cites numbers, never the sentences themselves.
            #expect(!schema.canonicalText().contains("Short version"))
        }
    }

    @Test func aFailingCategoryIsReportedAndTheOthersKept() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in
            let user = request.messages.last?.content ?? ""
            if user.contains("person's style,") || request.messages.count > 2 { return "not json at all" }
            return #"{"hypotheses": [{"statement": "They keep every message under a hundred words.", "evidence": [3]}]}"#
        })
        let configuration = InferenceConfiguration(hypothesisCount: 3, maxAttempts: 2, smallModelConstraints: true)
        let (set, report) = try await HypothesisInferencer(model: model, configuration: configuration).infer(Self.profile)
        #expect(!set.hypotheses.contains { $0.category == .style })
        #expect(report.skippedEntries.contains { $0.hasPrefix("style:") })
    }

    @Test func inSequenceByDefaultOnSmallModelsInParallelOnRequest() async throws {
        let answer: @Sendable (ChatRequest) -> String = { _ in
            #"{"hypotheses": [{"statement": "They keep every message under a hundred words.", "evidence": [3]}]}"#
        }
        let sequential = ScriptedChatModel(steps: [], fallback: .respond(answer))
        _ = try await HypothesisInferencer(model: sequential, configuration: InferenceConfiguration(hypothesisCount: 3, smallModelConstraints: true))
            .infer(Self.profile)
        let asked = sequential.requests.map { request in
            ["communication", "personality", "style"].first { request.messages.last?.content.contains("person's \($0),") == true }
        }
        #expect(asked == ["communication", "personality", "style"])
        // The requests share everything before the category, so a server reads that prompt once.
        #expect(Set(sequential.requests.map { $0.messages.first?.content ?? "" }).count == 1)
        let parallel = ScriptedChatModel(steps: [], fallback: .respond(answer))
        let configuration = InferenceConfiguration(hypothesisCount: 3, smallModelConstraints: true, parallelCategories: true)
        let (set, _) = try await HypothesisInferencer(model: parallel, configuration: configuration).infer(Self.profile)
        #expect(parallel.requests.count == 3)
        #expect(set.hypotheses.count == 1)  // the same statement three times is kept once
    }

    @Test func splitsTheCountAcrossCategories() {
        #expect(HypothesisInferencer<ScriptedChatModel>.splitCount(8) == [3, 3, 2])
        #expect(HypothesisInferencer<ScriptedChatModel>.splitCount(1) == [1, 0, 0])
    }
}
