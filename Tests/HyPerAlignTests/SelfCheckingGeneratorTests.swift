import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

struct SelfCheckingGeneratorTests {
    static let profile = UserProfile(id: "m", texts: AdherenceCheckerTests.texts.enumerated().map { UserText(id: "\($0.offset)", text: $0.element) })
    static let follows = AdherenceCheckerTests.texts[1]
    static let breaks = "Dear team, the trip is off. See you Monday."

    @Test func bestOfKeepsTheCandidateFollowingMostHabits() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in
            request.seed == 9 ? Self.follows : Self.breaks
        })
        let generator = PersonalizedGenerator(model: model, options: GenerationOptions(seed: 7))
        let checked = try await SelfCheckingGenerator(generator: generator, bestOf: 4)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .fewShot)
        #expect(model.requests.count == 4)
        #expect(Set(model.requests.compactMap(\.seed)) == [7, 8, 9, 10])
        #expect(checked.text == Self.follows)
        #expect(checked.chosen == 2)
        #expect(checked.adherence.violations.isEmpty)
        #expect(checked.candidates.map(\.satisfied).max() == checked.adherence.satisfied)
    }

    @Test func tiesGoToTheStylisticallyClosestCandidate() async throws {
        let close = "Short version: item 9 is done.\n\nWe moved the survey — again — because the gauges weren't ready."
        let far = "Short version: XYZZY QUUX FOOBAR ZZZ.\n\nQQQ VVV WWW KKK — JJJ — PPP YYY ZZQ weren't XXX."
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in request.seed == 7 ? far : close })
        let generator = PersonalizedGenerator(model: model, options: GenerationOptions(seed: 7))
        let checked = try await SelfCheckingGenerator(generator: generator, bestOf: 2)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .zeroShot)
        #expect(checked.candidates[0].satisfied == checked.candidates[1].satisfied)
        #expect(checked.text == close)
    }

    @Test func anAnswerTheBudgetStoppedEndsAtItsLastFullSentence() async throws {
        let model = ScriptedChatModel(steps: [.cutReply("The trip is off. We go next week. Bring the"), .reply("Done. And the")])
        let generator = PersonalizedGenerator(model: model)
        let cut = try await SelfCheckingGenerator(generator: generator).generate("Write.", for: Self.profile, hypotheses: nil, variant: .zeroShot)
        #expect(cut.text == "The trip is off. We go next week.")
        #expect(cut.endedAtBudget == true)
        // An answer the model ended itself is left as it is.
        let whole = try await SelfCheckingGenerator(generator: generator).generate("Write.", for: Self.profile, hypotheses: nil, variant: .zeroShot)
        #expect(whole.text == "Done. And the")
        #expect(whole.endedAtBudget == false)
    }

    @Test func revisionNamesTheBrokenHabitsAndKeepsABetterRewrite() async throws {
        let model = ScriptedChatModel(replies: [Self.breaks, Self.follows])
        let generator = PersonalizedGenerator(model: model)
        let checked = try await SelfCheckingGenerator(generator: generator, revise: true)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .zeroShot)
        let rewriteRequest = try #require(model.requests.last?.messages.last?.content)
        #expect(rewriteRequest.contains("signs off with \"— M.\""))
        #expect(rewriteRequest.contains(Self.breaks))
        let revision = try #require(checked.revision)
        #expect(revision.kept)
        #expect(revision.rewriteSatisfied > revision.draftSatisfied)
        #expect(checked.text == Self.follows)
    }

    @Test func modelTimeCountsParallelCandidatesOnceAndTheRewriteAfterThem() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply(Self.breaks), latency: .seconds(2))
        let checked = try await SelfCheckingGenerator(generator: PersonalizedGenerator(model: model), bestOf: 3, revise: true)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .zeroShot)
        #expect(model.requests.count == 4)
        // Three candidates side by side (the slowest, 2 s), then the rewrite (2 s): not the sum of four calls.
        #expect(checked.modelSeconds == 4)
    }

    @Test func aWorseRewriteIsDropped() async throws {
        let model = ScriptedChatModel(replies: [Self.follows.replacingOccurrences(of: "— M.", with: "Bye"), Self.breaks])
        let checked = try await SelfCheckingGenerator(generator: PersonalizedGenerator(model: model), revise: true)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .zeroShot)
        #expect(checked.revision?.kept == false)
        #expect(checked.text.hasPrefix("Short version:"))
    }

    @Test func hyperalignPromptsCarryTheMeasuredHabitsAsInstructions() throws {
        let set = HypothesisSet(
            userID: "m", hypotheses: [Hypothesis(category: .style, statement: "They are brief.")],
            attributes: InferredAttributes(), provenance: HypothesisProvenance(model: "x", promptVersion: "p", textsHash: "h", textCount: 4))
        let messages = try PromptAssembler().messages(request: "Write.", profile: Self.profile, hypotheses: set, variant: .hyperalign)
        let system = try #require(messages.first?.content)
        #expect(system.contains("- Begin the text with exactly \"Short version:\"."))
        #expect(system.contains("- End the text with the line \"— M.\"."))
        // The request comes alone, last: a small model answers it instead of discussing its instructions.
        #expect(messages.last?.content == "Write.")
        // The proxy's system message carries them too.
        let proxy = try PromptAssembler().personalizationMessage(profile: Self.profile, hypotheses: set)
        #expect(proxy.content.contains("- End the text with the line \"— M.\"."))
    }

    @Test func hyperalignPromptsShowEachHypothesisWithThePersonsOwnWords() throws {
        let long = String(repeating: "word ", count: 80) + "end"
        let set = HypothesisSet(
            userID: "m",
            hypotheses: [
                Hypothesis(category: .style, statement: "They are brief.", evidence: ["Short version: the trip is off."]),
                Hypothesis(category: .personality, statement: "They ramble.", evidence: [long]),
                Hypothesis(category: .communication, statement: "They ask.", evidence: []),
            ],
            attributes: InferredAttributes(), provenance: HypothesisProvenance(model: "x", promptVersion: "p", textsHash: "h", textCount: 4))
        let system = try #require(try PromptAssembler().messages(request: "Write.", profile: Self.profile, hypotheses: set, variant: .hyperalign).first?.content)
        #expect(system.contains("- (style) They are brief.\n  In their words: \"Short version: the trip is off.\""))
        #expect(system.contains("- (communication) They ask.\n") || system.hasSuffix("- (communication) They ask."))
        let cut = try #require(system.components(separatedBy: "\n").first { $0.contains("In their words: \"word") })
        #expect(cut.hasSuffix(" …\""))
        #expect(!cut.contains("end"))
    }
}

extension SelfCheckingGeneratorTests {
    @Test func repairEditsEveryCandidateBeforeTheChoiceAndSaysWhat() async throws {
        // Both candidates miss the opening and sign-off; only the second has the numbered list the model must write.
        let plain = "The trip is off.\n\nWe moved the survey — again — because the gauges weren't ready."
        let listed = plain + "\n\n1. Thursday at seven.\n2. Bring waders."
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in request.seed == 7 ? plain : listed })
        let generator = PersonalizedGenerator(model: model, options: GenerationOptions(seed: 7))
        let checked = try await SelfCheckingGenerator(generator: generator, bestOf: 2, repair: true)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .fewShot)
        #expect(model.requests.count == 2)
        #expect(checked.chosen == 1)
        #expect(checked.text.hasPrefix("Short version: The trip is off."))
        #expect(checked.text.hasSuffix("— M."))
        #expect(checked.adherence.violations.isEmpty)
        #expect(checked.repaired?.contains("signs off with \"— M.\" (4 of 4 texts)") == true)
        // Without --repair nothing is edited and nothing is reported as repaired.
        let unrepaired = try await SelfCheckingGenerator(generator: generator, bestOf: 2)
            .generate("Write the update.", for: Self.profile, hypotheses: nil, variant: .fewShot)
        #expect(unrepaired.repaired == nil)
        #expect(unrepaired.text == listed)
    }
}
