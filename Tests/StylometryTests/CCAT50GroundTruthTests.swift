import AuthorshipData
import Foundation
import Statistics
import Stylometry
import Testing

/// The judge's ground-truth accuracy on the real CCAT50 data (spec §2.1), on a quick subset.
/// The full measurement (settings chosen on the validation split, accuracy on the test split) is
/// `hyperalign eval stylometry --dataset ccat50` (docs/results.md).
struct CCAT50GroundTruthTests {
    static let dataDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["HYPERALIGN_DATA_DIR"] { return URL(fileURLWithPath: path) }
        // <repo>/Tests/StylometryTests/this.swift → <repo>/../shared/data
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    static var hasData: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("ccat50/c50train.jsonl").path)
    }

    @Test(.enabled(if: hasData, "CCAT50 data not found (set HYPERALIGN_DATA_DIR to the shared data folder)"))
    func judgePrefersRealHeldOutTexts() throws {
        let corpus = try AuthorshipCorpusLoader(dataDirectory: Self.dataDirectory).load(.ccat50)
        let authors = corpus.authors
        let judge = StylometricJudge(
            impostors: authors.map { AuthorTexts(author: $0.author, texts: $0.trainingTexts) },
            configuration: JudgeConfiguration(impostorRounds: 50)
        )
        var references: [String: AuthorReference] = [:]
        var pairs: [GroundTruthPair] = []
        for (i, author) in authors.enumerated() {
            references[author.author] = judge.reference(AuthorTexts(author: author.author, texts: author.trainingTexts))
            let foil = authors[(i + 7) % authors.count]
            pairs.append(GroundTruthPair(
                author: author.author, realText: author.testItems[0].realOutput,
                foilAuthor: foil.author, foilText: foil.testItems[0].realOutput))
        }
        let report = judge.groundTruthCheck(pairs, references: references)
        #expect(report.outcomes.count == 45)
        #expect(report.accuracy >= 0.85, "ground-truth accuracy \(report.accuracy) on \(pairs.count) pairs")
    }
}
