import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

struct PersonalizedGeneratorTests {
    func hypotheses() async throws -> HypothesisSet {
        try await HypothesisInferencer(model: ScriptedChatModel(replies: [Fixtures.goodAnswer])).infer(Fixtures.profile).set
    }

    @Test func eachVariantCarriesWhatItShould() async throws {
        let set = try await hypotheses()
        let assembler = PromptAssembler()
        let request = "Write an email cancelling the trip."
        let zero = try assembler.messages(request: request, profile: Fixtures.profile, hypotheses: set, variant: .zeroShot)
        #expect(zero == [.user(request)])

        let few = try assembler.messages(request: request, profile: Fixtures.profile, hypotheses: set, variant: .fewShot)
        #expect(few[0].content.contains("<example n=\"3\">"))
        #expect(!few[0].content.contains("Opens every message"))

        let hyper = try assembler.messages(request: request, profile: Fixtures.profile, hypotheses: set, variant: .hyperalign)
        #expect(hyper[0].content.contains("- (style) Opens every message with 'Short version:'"))
        #expect(hyper[0].content.contains("- role: ecologist"))
        #expect(hyper[0].content.contains("- typical length: about 15 words"))
        #expect(!hyper[0].content.contains("<example"))
        // The habits measured on the texts (the answer is checked against them) with the person; the request alone last.
        #expect(hyper[0].content.contains("Habits measured in your writing"))
        #expect(hyper[0].content.contains("- Begin the text with exactly \"Short version:\"."))
        #expect(hyper.last?.content == request)

        let both = try assembler.messages(request: request, profile: Fixtures.profile, hypotheses: set, variant: .hyperalignExamples)
        #expect(both[0].content.contains("<example n=\"1\">") && both[0].content.contains("Opens every message"))
    }

    @Test func hypothesisVariantsNeedHypotheses() {
        let error = #expect(throws: GenerationError.self) {
            try PromptAssembler().messages(request: "x", profile: Fixtures.profile, hypotheses: nil, variant: .hyperalign)
        }
        #expect(error?.description.contains("hyperalign infer --user marta") == true)
    }

    @Test func generatesThroughTheModelWithTheOptions() async throws {
        let set = try await hypotheses()
        let model = ScriptedChatModel(replies: ["Short version: no trip.\n\n— M."])
        let generator = PersonalizedGenerator(model: model, options: GenerationOptions(temperature: 0.1, maxTokens: 99, seed: 5, lengthAwareBudget: false))
        let response = try await generator.generate("Cancel the trip.", for: Fixtures.profile, hypotheses: set, variant: .hyperalign)
        #expect(response.text.hasPrefix("Short version"))
        let sent = try #require(model.requests.first)
        #expect(sent.maxTokens == 99 && sent.seed == 5 && sent.temperature == 0.1)
    }

    @Test func theAnswerBudgetFollowsTheTypicalLengthForEveryVariant() throws {
        let long = UserProfile(id: "l", texts: [UserText(id: "1", text: String(repeating: "word ", count: 400))])
        let options = GenerationOptions(maxTokens: 700)
        #expect(options.tokenBudget(for: Fixtures.profile) == 96)
        #expect(options.tokenBudget(for: long) == 690)  // 1.5 × 400 words at 1.15 tokens a word
        let longer = UserProfile(id: "m", texts: [UserText(id: "1", text: String(repeating: "word ", count: 1000))])
        #expect(options.tokenBudget(for: longer) == 700)
        let generator = PersonalizedGenerator(model: ScriptedChatModel(replies: []), options: options)
        for variant in [GenerationVariant.zeroShot, .fewShot] {
            #expect(try generator.chatRequest("x", for: Fixtures.profile, hypotheses: nil, variant: variant).maxTokens == 96)
        }
    }

    @Test func personalizationMessageForAnExistingConversation() async throws {
        let message = try PromptAssembler().personalizationMessage(profile: Fixtures.profile, hypotheses: try await hypotheses())
        #expect(message.role == .system)
        #expect(message.content.contains("Signs off with a dash"))
    }
}
