import Statistics
import Stylometry
import Testing

struct StylometricJudgeTests {
    func judge() -> StylometricJudge {
        let pool = ["bob", "cat", "dan"].map { AuthorTexts(author: $0, texts: SyntheticAuthors.texts(by: $0, count: 5, seed: 40)) }
        return StylometricJudge(impostors: pool, configuration: JudgeConfiguration(impostorRounds: 40, impostorsPerRound: 2))
    }

    @Test func prefersTheAuthorsRealTextAndIsDeterministic() {
        let judge = judge()
        let reference = judge.reference(AuthorTexts(author: "ann", texts: SyntheticAuthors.texts(by: "ann", count: 5, seed: 1)))
        let real = SyntheticAuthors.text(by: "ann", seed: 12_345)
        let foil = SyntheticAuthors.text(by: "bob", seed: 12_345)
        let verdict = judge.compare(real, foil, for: reference)
        #expect(verdict.preferred == .a)
        #expect(verdict.scoreA.combined > verdict.scoreB.combined)
        #expect(judge.compare(foil, real, for: reference).preferred == .b)
        #expect(judge.compare(real, foil, for: reference) == verdict)
        #expect(judge.compare(real, real, for: reference).preferred == .tie)
    }

    @Test func anAuthorIsNeverItsOwnImpostor() {
        let judge = judge()
        let reference = judge.reference(AuthorTexts(author: "bob", texts: SyntheticAuthors.texts(by: "bob", count: 5, seed: 2)))
        let score = judge.score(SyntheticAuthors.text(by: "bob", seed: 9), for: reference)
        #expect(score.impostors.score > 0.9)
        #expect(score.cosineMargin > 0)
        #expect(judge.impostorAuthors == ["bob", "cat", "dan"])
    }

    @Test func groundTruthCheckOnSyntheticAuthors() {
        let judge = judge()
        var references: [String: AuthorReference] = [:]
        var pairs: [GroundTruthPair] = []
        let authors = ["ann", "bob", "cat", "dan"]
        for (i, author) in authors.enumerated() {
            references[author] = judge.reference(AuthorTexts(author: author, texts: SyntheticAuthors.texts(by: author, count: 5, seed: 3)))
            let foilAuthor = authors[(i + 1) % authors.count]
            pairs.append(GroundTruthPair(
                author: author, realText: SyntheticAuthors.text(by: author, seed: 777),
                foilAuthor: foilAuthor, foilText: SyntheticAuthors.text(by: foilAuthor, seed: 778)))
        }
        let report = judge.groundTruthCheck(pairs, references: references)
        #expect(report.outcomes == [.win, .win, .win, .win])
        #expect(report.accuracy == 1)
    }
}
