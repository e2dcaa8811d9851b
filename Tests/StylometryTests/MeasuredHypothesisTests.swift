import Stylometry
import Testing

struct MeasuredHypothesisTests {
    /// Long sentences, a bulleted list in some texts, signed "Best,\nAnn".
    func annText(_ i: Int) -> String {
        let list = i % 2 == 0 ? "- first point\n- second point\n" : ""
        return """
        Hi team,
        The quarterly figures that we discussed on Monday show a steady improvement in every region we track, \
        and the board expects that trend to continue through the end of the year number \(i).
        \(list)I would like each of you to review the attached summary carefully and send me your questions \
        before the meeting on Thursday afternoon so that we can prepare.
        Best,
        Ann
        """
    }

    func baselineText(_ i: Int) -> String {
        "Short note \(i). We met today. It went well. More soon. The plan is fine. See the notes."
    }

    @Test func derivesFactsWithTheirFigures() throws {
        let miner = MeasuredHypothesisMiner()
        let facts = miner.hypotheses(userTexts: (0..<7).map(annText), baselineTexts: (0..<20).map(baselineText))
        let byName = Dictionary(facts.map { ($0.statisticName, $0) }, uniquingKeysWith: { a, _ in a })
        let sentences = try #require(byName["median_sentence_length"])
        #expect(sentences.value > 2 * sentences.baseline)
        #expect(sentences.statement.hasPrefix("median sentence length"))
        let signOff = try #require(byName["first_name_sign_off_share"])
        #expect(signOff.value == 1)
        #expect(signOff.baseline == 0)
        #expect(signOff.statement.contains("signs off with the first name only in 7 of 7 texts"))
        let lists = try #require(byName["list_share"])
        #expect(lists.statement.contains("4 of 7 texts"))
        #expect(byName["greeting_share"] != nil)
    }

    @Test func checkHoldsOnHeldOutTextsOfTheSameWriterOnly() throws {
        let featurizer = TextFeaturizer()
        let facts = MeasuredHypothesisMiner().hypotheses(userTexts: (0..<7).map(annText), baselineTexts: (0..<20).map(baselineText))
        let sentences = try #require(facts.first { $0.statistic == .medianSentenceLength })
        let heldOut = featurizer.features(of: (7..<10).map(annText))
        let others = featurizer.features(of: (20..<23).map(baselineText))
        #expect(sentences.check(on: heldOut).holds)
        let failed = sentences.check(on: others)
        #expect(!failed.holds)
        #expect(failed.heldOutValue < sentences.value / 2)
        #expect(!sentences.check(on: [TextFeatures]()).holds)
    }

    @Test func checkUsesTheTolerance() {
        let fact = MeasuredHypothesis(statement: "s", statistic: .medianTextLength, value: 100, baseline: 50)
        let texts = TextFeaturizer().features(of: [String(repeating: "word ", count: 70)])
        #expect(fact.check(on: texts, tolerance: 0.5).holds)
        #expect(!fact.check(on: texts, tolerance: 0.2).holds)
        #expect(fact.check(on: texts).heldOutValue == 70)
    }

    @Test func statisticsHaveStableNames() {
        #expect(StyleStatistic.punctuationRate(.semicolon).name == "punctuation_rate:semicolon")
        #expect(StyleStatistic.functionWordRate("however").name == "function_word_rate:however")
        #expect(StyleStatistic.medianSentenceLength.name == "median_sentence_length")
    }
}
