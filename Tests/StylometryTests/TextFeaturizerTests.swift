import Stylometry
import Testing

struct TextFeaturizerTests {
    let featurizer = TextFeaturizer()

    @Test func countsWordsSentencesAndParagraphsOfAnEmail() {
        let f = featurizer.features(of: "Hi Tom,\nI don't know. It's fine!\nBest,\nAnn")
        #expect(f.wordCount == 9)
        #expect(f.sentenceLengths == [3, 2])
        #expect(f.paragraphLengths == [5])
        #expect(f.contractions == 2)
        #expect(f.punctuation[.comma] == 2)
        #expect(f.punctuation[.period] == 1)
        #expect(f.punctuation[.exclamation] == 1)
        #expect(f.casing.uppercaseI == 1)
        #expect(f.casing.lowercaseI == 0)
    }

    @Test func findsGreetingAndFirstNameSignOff() {
        let edges = featurizer.features(of: "Hi Tom,\nI don't know. It's fine!\nBest,\nAnn").openingsAndClosings
        #expect(edges.greeting == "Hi Tom,")
        #expect(edges.firstWords == ["Hi", "Tom", "I"])
        #expect(edges.signOff == SignOff(closing: "best", name: "Ann"))
        #expect(edges.signOff?.nameWordCount == 1)
        let oneLine = featurizer.features(of: "See you there.\nThanks, Ann Smith").openingsAndClosings
        #expect(oneLine.signOff == SignOff(closing: "thanks", name: "Ann Smith"))
        #expect(featurizer.features(of: "No closing here.\nJust text.").openingsAndClosings.signOff == nil)
    }

    @Test func countsFunctionWordsCaseInsensitively() throws {
        let f = featurizer.features(of: "The cat and THE dog. I don't care; the end")
        let the = try #require(FunctionWords.index(of: "the"))
        let and = try #require(FunctionWords.index(of: "and"))
        let dont = try #require(FunctionWords.index(of: "don't"))
        #expect(f.functionWordCounts[the] == 3)
        #expect(f.functionWordCounts[and] == 1)
        #expect(f.functionWordCounts[dont] == 1)
        #expect(f.punctuation[.semicolon] == 1)
        #expect(abs(f.functionWordFrequencies[the] - 3.0 / 10) < 1e-12)
    }

    @Test func curlyApostrophesJoinWords() throws {
        let f = featurizer.features(of: "I don\u{2019}t know \u{201C}why\u{201D} \u{2014} really.")
        let dont = try #require(FunctionWords.index(of: "don't"))
        #expect(f.functionWordCounts[dont] == 1)
        #expect(f.wordCount == 5)
        #expect(f.punctuation[.doubleQuote] == 2)
        #expect(f.punctuation[.dash] == 1)
    }

    @Test func abbreviationsAndDecimalsDoNotEndSentences() {
        #expect(featurizer.features(of: "Mr. Smith went to Washington. He left.").sentenceLengths == [5, 2])
        #expect(featurizer.features(of: "It rose 3.5 percent. Then it fell...").sentenceLengths == [4, 3])
        #expect(featurizer.features(of: "Really?! Yes.").punctuation[.repeatedTerminator] == 1)
    }

    @Test func detectsListsHeadersAndLinks() {
        let f = featurizer.features(of: "# Plan\n- one\n- two\n1. three\nSee http://example.com now")
        #expect(f.formatting.headerLines == 1)
        #expect(f.formatting.bulletedLines == 2)
        #expect(f.formatting.numberedLines == 1)
        #expect(f.formatting.links == 1)
        #expect(f.formatting.hasList)
        #expect(f.punctuation[.dash] == 0)
        #expect(f.formatting.lines == 5)
    }

    @Test func doubleSpacesAndCasingHabits() {
        let f = featurizer.features(of: "this is it.  i think so.  OK then we go")
        #expect(f.punctuation[.doubleSpaceAfterSentence] == 2)
        #expect(f.casing.lowercaseI == 1)
        #expect(f.casing.sentencesStartingLowercase == 2)
        #expect(f.casing.sentences == 3)
        #expect(f.casing.allCapsWords == 1)
    }
}
