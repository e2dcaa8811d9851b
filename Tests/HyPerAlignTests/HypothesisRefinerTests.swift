import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

struct HypothesisRefinerTests {
    /// Long sentences and a first-name sign-off in every text.
    static func text(_ i: Int) -> UserText {
        UserText(id: "\(i)", text: """
            Hi team,
            The figures we discussed on Monday show a steady improvement in every region we track, and the board \
            expects that trend to continue through the end of the year, case number \(i).
            Please send me your questions before the meeting on Thursday afternoon so that we can prepare properly.
            Best,
            Ann
            """)
    }

    static let baseline = (0..<30).map { "Short note \($0). We met today. It went well. More soon." }

    static func model(verdicts: String) -> ScriptedChatModel {
        ScriptedChatModel(steps: [], fallback: .respond { request in
            guard case .jsonSchema(let name, _) = request.responseFormat else { return "" }
            if name == "hypotheses" {
                return #"{"hypotheses": [{"category": "style", "statement": "The person signs off with a first name.", "evidence": ["Please send me your questions"], "confidence": 0.9}, {"category": "personality", "statement": "The person is impatient and curt.", "evidence": ["in every region we track"], "confidence": 0.5}, {"category": "communication", "statement": "The person sets a clear deadline.", "evidence": ["before the meeting on Thursday afternoon"], "confidence": null}], "attributes": {}}"#
            }
            let user = request.messages.last?.content ?? ""
            let ids = user.split(separator: "[").dropFirst().compactMap { $0.split(separator: "]").first.map(String.init) }
            return verdicts.replacingOccurrences(of: "ID0", with: ids[0]).replacingOccurrences(of: "ID1", with: ids[1])
                .replacingOccurrences(of: "ID2", with: ids[2])
        })
    }

    @Test func splitsHoldsOutEveryThirdText() throws {
        let refiner = HypothesisRefiner(model: ScriptedChatModel(replies: []), baselineTexts: [])
        let (train, held) = try refiner.split((0..<7).map(Self.text))
        #expect(train.map(\.id) == ["0", "1", "3", "4", "6"])
        #expect(held.map(\.id) == ["2", "5"])
        #expect(throws: RefinementError.self) { try refiner.split([Self.text(0)]) }
    }

    @Test func keepsWhatHoldsAndDropsWhatIsContradicted() async throws {
        let model = Self.model(verdicts: #"{"verdicts": [{"id": "ID0", "verdict": "holds", "reason": "both texts end with Ann"}, {"id": "ID1", "verdict": "contradicted", "reason": "polite throughout"}, {"id": "ID2", "verdict": "not-shown", "reason": "no deadline here"}]}"#)
        let profile = UserProfile(id: "ann", texts: (0..<7).map(Self.text))
        let (set, report) = try await HypothesisRefiner(model: model, baselineTexts: Self.baseline).refine(profile)
        #expect(report.inferenceTexts == 5 && report.heldOutTexts == 2)
        // Only the contradicted hypothesis is dropped; the unconfirmed one stays, and so do measured survivors.
        #expect(Array(set.hypotheses.map(\.statement).prefix(2)) == ["The person signs off with a first name.", "The person sets a clear deadline."])
        let llm = report.decisions.filter { $0.kind == .llm }
        #expect(llm.map(\.outcome) == [.kept, .dropped, .unconfirmed])
        #expect(llm[1].reason.contains("polite throughout"))
        let measured = report.decisions.filter { $0.kind == .measured }
        #expect(!measured.isEmpty)
        // The same writer's held-out texts show the same long sentences and sign-off.
        #expect(measured.allSatisfy { $0.outcome == .kept || $0.outcome == .revised }, "\(measured)")
        #expect(measured.contains { $0.statement.contains("first name") && $0.outcome == .kept })
        // Measured survivors join the set generation uses (in their restated words when revised).
        for decision in measured where decision.survives {
            #expect(set.hypotheses.contains { $0.statement == (decision.revised ?? decision.statement) || $0.statement == decision.statement })
        }
        // The set's hash covers all of the profile's texts, so a stored refined set is not stale at once.
        #expect(set.provenance.textsHash == profile.textsHash && set.provenance.textCount == 7)
        #expect(!set.isStale(for: profile))
        // Only the inference part reached the model's inference prompt.
        #expect(model.requests[0].messages.last?.content.contains("case number 2") == false)
    }

    @Test func anUnreadableCheckLeavesHypothesesUnconfirmed() async throws {
        let model = Self.model(verdicts: "I am not sure.")
        let profile = UserProfile(id: "ann", texts: (0..<4).map(Self.text))
        let (set, report) = try await HypothesisRefiner(model: model, baselineTexts: Self.baseline).refine(profile)
        #expect(set.hypotheses.filter { $0.evidence.isEmpty == false }.count == 3)
        #expect(report.decisions.filter { $0.kind == .llm }.allSatisfy { $0.outcome == .unconfirmed })
    }
}
