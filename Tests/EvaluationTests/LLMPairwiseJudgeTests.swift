import LanguageModels
import Evaluation
import LanguageModelsTesting
import Statistics
import Testing

struct LLMPairwiseJudgeTests {
    @Test func agreementInBothOrdersIsAWin() async throws {
        let model = ScriptedChatModel(replies: [#"{"answer": "A"}"#, #"{"answer": "B"}"#])
        let result = try await LLMPairwiseJudge(model: model).compare("mine", against: "theirs", references: ["ref"])
        #expect(result.outcome == .win)
        #expect(model.requests.count == 2)
        // The candidate is shown first as A, then as B.
        #expect(model.requests[0].messages.last?.content.contains("<candidate name=\"A\">\nmine") == true)
        #expect(model.requests[1].messages.last?.content.contains("<candidate name=\"B\">\nmine") == true)
    }

    @Test func positionBiasIsATie() async throws {
        let model = ScriptedChatModel(replies: [#"{"answer": "A"}"#, #"{"answer": "A"}"#])
        let result = try await LLMPairwiseJudge(model: model).compare("mine", against: "theirs", references: ["ref"])
        #expect(result.outcome == .tie)
    }

    @Test func bothOrdersForTheOpponentIsALoss() async throws {
        let model = ScriptedChatModel(replies: ["B", "Answer: A"])
        let result = try await LLMPairwiseJudge(model: model).compare("mine", against: "theirs", references: ["ref"])
        #expect(result.outcome == .loss)
    }

    @Test func anUnreadableAnswerIsATie() async throws {
        let model = ScriptedChatModel(replies: ["no idea", #"{"answer": "B"}"#])
        let result = try await LLMPairwiseJudge(model: model).compare("mine", against: "theirs", references: ["ref"])
        #expect(result.outcome == .tie)
        #expect(result.detail.contains("unreadable"))
    }
}
