import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

struct StyleMatcherTests {
    static let others = StyleBackground(people: Dictionary(uniqueKeysWithValues: zip(["finance", "paper", "tabloid"], [
        (1...4).map { "Kindly find attached the quarterly figures for region \($0). Please acknowledge receipt at your earliest convenience. Regards, Finance." },
        (1...4).map { "In this paper we examine the effect \($0) of sediment load on stream morphology; results are discussed in Section \($0)." },
        (1...4).map { "SHOCK as star number \($0) storms off set!!! Fans left stunned by the outburst, insiders claim." },
    ])))
    /// Words and punctuation of the person (see ``AdherenceCheckerTests/texts``), none of the layout.
    static let personLike = "We moved the survey again because the gauges weren't ready. It's fine, Thursday at seven."
    /// The person's layout (opening, list, sign-off), another person's words.
    static let formalInTheirLayout = "Short version: kindly find attached the quarterly figures.\n\n1. Please acknowledge receipt.\n2. Regards.\n\n— M."

    @Test func otherPeoplesTextsMakeTheJudgesMeasure() {
        let matcher = StyleMatcher(person: "m", texts: AdherenceCheckerTests.texts, background: Self.others)
        #expect(matcher.usesOtherPeople)
        let scores = matcher.scores([Self.formalInTheirLayout, Self.personLike])
        #expect(scores[1] > scores[0])
    }

    /// Fewer than three other people (the person and a blank one do not count): the likelihood ratio
    /// against the other candidates, as without a background.
    @Test func withoutEnoughOtherPeopleTheLikelihoodRatioIsUsed() {
        let thin = StyleBackground(people: ["finance": ["Kindly find attached the figures."], "paper": ["In this paper we examine it."],
                                            "m": AdherenceCheckerTests.texts, "blank": [" \n"]])
        #expect(thin.ids == ["finance", "paper", "m"])
        #expect(thin.others(besides: "m") == 2)
        let candidates = [Self.formalInTheirLayout, Self.personLike, "Dear all, see the notes below."]
        let expected = StylisticCloseness(texts: AdherenceCheckerTests.texts).scores(candidates)
        for matcher in [StyleMatcher(person: "m", texts: AdherenceCheckerTests.texts, background: thin),
                        StyleMatcher(person: "m", texts: AdherenceCheckerTests.texts, background: nil)] {
            #expect(!matcher.usesOtherPeople)
            #expect(matcher.scores(candidates) == expected)
        }
        // A person found in the background is not measured against themselves.
        #expect(StyleMatcher(person: "finance", texts: ["Kindly find attached the figures."], background: Self.others).usesOtherPeople == false)
    }

    /// By habits the candidate in the person's layout wins; by style the one in the person's words does.
    @Test func aChoiceByStyleKeepsTheClosestCandidateWhateverItsHabits() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in
            request.seed == 7 ? Self.formalInTheirLayout : Self.personLike
        })
        let generator = PersonalizedGenerator(model: model, options: GenerationOptions(seed: 7))
        let byHabits = try await SelfCheckingGenerator(generator: generator, bestOf: 2, background: Self.others)
            .generate("Write the update.", for: SelfCheckingGeneratorTests.profile, hypotheses: nil, variant: .zeroShot)
        let byStyle = try await SelfCheckingGenerator(generator: generator, bestOf: 2, choice: .style, background: Self.others)
            .generate("Write the update.", for: SelfCheckingGeneratorTests.profile, hypotheses: nil, variant: .zeroShot)
        #expect(byHabits.candidates[0].satisfied > byHabits.candidates[1].satisfied)
        #expect(byHabits.chosen == 0)
        #expect(byStyle.chosen == 1)
        #expect(byStyle.text == Self.personLike)
        #expect(byStyle.candidates[1].closeness > byStyle.candidates[0].closeness)
    }
}
