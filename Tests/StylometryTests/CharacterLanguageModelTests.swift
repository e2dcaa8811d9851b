import Stylometry
import Testing

struct CharacterLanguageModelTests {
    let model = CharacterLanguageModel(texts: ["Short version: the hedgerow survey is late.", "Short version: two traps were empty."])

    /// Every context's probabilities over the 256 bytes sum to one, seen or not, at every length.
    @Test(arguments: ["", "S", "Sh", "hort ", "ion: ", "zzzz", "the h"])
    func probabilitiesAfterAnyContextSumToOne(context: String) {
        let total = (0...255).map { model.probability(of: UInt8($0), after: Array(context.utf8)) }.reduce(0, +)
        #expect(abs(total - 1) < 1e-9)
    }

    @Test func aWritersOwnPhrasingIsMorePredictableThanAnothers() {
        let own = model.meanLogProbability(of: "Short version: the traps are late.")
        let other = model.meanLogProbability(of: "Kindly find attached the quarterly figures.")
        #expect(own > other)
        #expect(own < 0 && other > -8)  // log₂ per byte; −8 would be no better than a uniform guess
        #expect(model.meanLogProbability(of: "") == 0)
    }

    @Test func aLongerContextSharpensThePrediction() {
        let unigram = CharacterLanguageModel(order: 0, texts: ["Short version: the hedgerow survey is late."])
        let fourGram = CharacterLanguageModel(order: 4, texts: ["Short version: the hedgerow survey is late."])
        let text = "Short version: the hedgerow survey"
        #expect(fourGram.meanLogProbability(of: text) > unigram.meanLogProbability(of: text))
    }
}

struct CollapsingWhitespaceTests {
    /// Texts that differ only in layout — tabs, line breaks, non-breaking spaces, margins — become equal.
    @Test func layoutAloneDoesNotMakeTextsDiffer() {
        let laidOut = "  Short version:\n\n1.\tthe survey\u{00A0}is late.\r\n— M.  "
        #expect(laidOut.collapsingWhitespace == "Short version: 1. the survey is late. — M.")
        #expect("\n\t ".collapsingWhitespace.isEmpty)
    }
}
