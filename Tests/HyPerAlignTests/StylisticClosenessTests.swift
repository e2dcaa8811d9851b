import HyPerAlign
import Testing

struct StylisticClosenessTests {
    let closeness = StylisticCloseness(texts: AdherenceCheckerTests.texts)

    /// Every candidate answers the same request; the one that also writes like the person is closest,
    /// although all share the request's words.
    @Test func theCandidateWithThePersonsPhrasingIsClosest() {
        let request = "The quarterly gauge survey moved to Thursday."
        let candidates = [
            "\(request) Please find the revised schedule attached for your review.",
            "\(request) We moved the survey again because the gauges weren't ready. It's fine.",
            "\(request) Kindly acknowledge receipt of this notification at your earliest convenience.",
        ]
        let scores = closeness.scores(candidates)
        #expect(scores.count == 3)
        #expect(scores.indices.max { scores[$0] < scores[$1] } == 1)
    }

    /// Layout is the habits' business: the same words in other line breaks score the same.
    @Test func whitespaceDoesNotCount() {
        let scores = closeness.scores(["Short version: item 9 is done.\n\nIt's fine.", "Short version: item 9 is done. It's fine.", "Dear all, see the notes below."])
        #expect(abs(scores[0] - scores[1]) < 1e-12)
    }

    @Test func aSingleCandidateHasNothingToBeCloserThan() {
        #expect(closeness.scores(["Short version: done."]) == [0])
        #expect(closeness.scores([]).isEmpty)
    }
}
