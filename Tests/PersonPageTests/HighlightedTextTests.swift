import Testing

@testable import PersonPage

struct HighlightedTextTests {
    @Test func marksEveryQuoteWhereItStandsAndMergesOverlaps() {
        let text = "Short version: yes. The gauges need two dry days. Short version again."
        let highlighted = HighlightedText(text, quotes: ["Short version", "need two dry", "two dry days."])
        #expect(highlighted.runs.map(\.text).joined() == text)
        #expect(highlighted.runs.filter(\.marked).map(\.text) == ["Short version", "need two dry days.", "Short version"])
    }

    @Test func aQuoteInAnotherCaseIsStillFoundAndAMissingOneMarksNothing() {
        let highlighted = HighlightedText("Cheers, Ann.", quotes: ["cheers", "not there"])
        #expect(highlighted.runs.filter(\.marked).map(\.text) == ["Cheers"])
        #expect(HighlightedText("abc", quotes: ["zzz"]).runs == [.init(text: "abc", marked: false)])
    }
}
