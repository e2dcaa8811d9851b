import AuthorshipData
import Foundation
import LanguageModels
import Stylometry

/// Featurizing throughput of the stylometry module (character 3–5-grams, function words, sentence and
/// paragraph statistics, …) over every CCAT50 reference text, on one core.
struct StylometryThroughputBenchmark {
    var dataDirectory: URL
    var rounds = 3

    struct Result: Encodable {
        var megabytes: Double
        var texts: Int
        var megabytesPerSecond: Double
    }

    func run() throws -> Result {
        let corpus = try AuthorshipCorpusLoader(dataDirectory: dataDirectory).load(.ccat50)
        let texts = corpus.authors.flatMap(\.referenceTexts)
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let featurizer = TextFeaturizer()
        _ = featurizer.features(of: Array(texts.prefix(50)))
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        for _ in 0..<rounds {
            let start = clock.now
            let features = featurizer.features(of: texts)
            precondition(features.count == texts.count)
            best = min(best, clock.now - start)
        }
        let megabytes = Double(bytes) / 1_000_000
        return Result(megabytes: megabytes, texts: texts.count, megabytesPerSecond: megabytes / best.seconds)
    }
}
