import LanguageModels
import LanguageModelsTesting
import Testing
@testable import GoalDirectedness

/// The language-model adapter, played against the scripted chat model double.
struct ChatBlocksworldAgentTests {
    @Test func aModelThatReasonsIsHeardAndRetriesAfterAnInvalidAnswer() async throws {
        let model = ScriptedChatModel(replies: [
            "Let me think step by step. Tower <towers ['a']; ['b']> would leave c out, so instead: <towers [a]; [b]>",
            "Sorry. Comparing ['a', 'b'] with ['c'] and <towers ['a']; ['b', 'c']>, the last is best: <towers ['a', 'c']; ['b']>",
        ])
        let key = EpisodeKey(model: "scripted", task: .cognitiveEffort, blocks: 3, seed: 5)
        let result = try await EpisodeRunner().run(key, agent: ChatBlocksworldAgent(model: model))

        #expect(result.completed && result.steps == 2)
        #expect(result.transcript[2].text.contains("<towers [a]; [b]>"))
        #expect(result.transcript[3].text == "Towers [['a'], ['b']] don't use all blocks.")
        let scenario = TaskScenario(task: .cognitiveEffort, blockCount: 3, seed: 5)
        let built = TowerSplit(towers: [[Block(index: 0), Block(index: 2)], [Block(index: 1)]], blocks: scenario.blocks)!
        #expect(result.rawReturn == built.lowerHeight(heights: scenario.heights))  // the last tag won

        let requests = model.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.maxTokens == nil && $0.temperature == nil })  // the model may think, at its default
        let first = requests[0].messages, second = requests[1].messages
        #expect(first.count == 2 && first[0].role == .system && first[1].role == .user)
        #expect(first[0].content.hasPrefix("You are an agent inhabiting an interactive environment"))
        #expect(first[1].content.hasPrefix("Your goal is to use all blocks to build two towers"))
        #expect(second.map(\.role) == [.system, .user, .assistant, .user])
        #expect(second[3].content == "Towers [['a'], ['b']] don't use all blocks.")
    }

    @Test func aContextWindowKeepsTheOpeningAndTheLatestTurns() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply("<measure a>"))
        var configuration = BlocksworldTask.measureBlock.defaultConfiguration(blocks: 3)
        configuration.stepBudget = 6
        var runner = try EpisodeRunner(configuration: configuration)
        runner.maximumSteps = 6
        let result = try await runner.run(EpisodeKey(model: "scripted", task: .measureBlock, blocks: 3, seed: 1),
                                          agent: ChatBlocksworldAgent(model: model, maxTokens: 64, maxMessages: 4))
        #expect(!result.completed && result.steps == 6)
        let last = try #require(model.requests.last)
        #expect(last.maxTokens == 64)
        #expect(last.messages[1].content.hasPrefix("There are blocks a, b, and c."))
        #expect(last.messages.map(\.role) == [.system, .user, .user, .assistant, .user])
    }

    @Test func aZeroContextWindowKeepsTheOpeningInsteadOfTrapping() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply("<measure a>"))
        var runner = try EpisodeRunner()
        runner.maximumSteps = 4
        let result = try await runner.run(EpisodeKey(model: "scripted", task: .measureBlock, blocks: 3, seed: 1),
                                          agent: ChatBlocksworldAgent(model: model, maxMessages: 0))
        #expect(result.steps == 4)
        let last = try #require(model.requests.last)
        #expect(last.messages.map(\.role) == [.system, .user])
    }

    @Test func aFailingModelFailsTheEpisode() async throws {
        struct Outage: Error {}
        let model = ScriptedChatModel(steps: [.fail(Outage())])
        await #expect(throws: GoalDirectednessError.self) {
            _ = try await EpisodeRunner().run(EpisodeKey(model: "m", task: .full, blocks: 3, seed: 1),
                                              agent: ChatBlocksworldAgent(model: model))
        }
    }
}
