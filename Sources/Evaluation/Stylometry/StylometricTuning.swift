import AuthorshipData
import Statistics
import Stylometry

/// Tunes the stylometric judge's settings on a data set's validation split and reports the chosen
/// settings' ground-truth accuracy on the test split, which the tuning never saw.
///
/// The check is the judge's cross-author one: an author's real text against the text at the same
/// position of the author seven places on (that author removed from the impostors). References are the
/// authors' training texts, disjoint from both splits. `hyperalign eval stylometry` runs it.
package struct StylometricTuning: Sendable {
    /// One setting tried, with its validation accuracy.
    package struct Trial: Sendable, Hashable, Codable {
        package var closestImpostors: Int
        package var deltaWeight: Double
        package var impostorsWeight: Double
        package var validationAccuracy: RateSummary
    }

    /// What the tuning found.
    package struct Result: Sendable, Hashable, Codable {
        package var dataset: String
        package var authors: Int
        package var trials: [Trial]
        package var chosen: Trial
        /// The chosen settings on the test split (never used to choose).
        package var testAccuracy: RateSummary
        /// The settings the benchmark uses (``JudgeConfiguration/validationTuned``) on the test split.
        package var benchmarkSettingsTestAccuracy: RateSummary
    }

    package var corpus: AuthorshipCorpus
    /// Texts per reference and per impostor.
    package var referenceTexts: Int
    package var impostorRounds: Int

    package init(corpus: AuthorshipCorpus, referenceTexts: Int = 7, impostorRounds: Int = 50) {
        self.corpus = corpus
        self.referenceTexts = referenceTexts
        self.impostorRounds = impostorRounds
    }

    /// The grid: the current defaults first, so a tie keeps them.
    package static let grid: [(closest: Int, delta: Double, impostors: Double)] = {
        var grid: [(Int, Double, Double)] = [(3, 0.05, 0.3)]
        for closest in [1, 3, 5] {
            for delta in [0.0, 0.05, 0.2] {
                for impostors in [0.0, 0.3, 1.0] where !(closest == 3 && delta == 0.05 && impostors == 0.3) {
                    grid.append((closest, delta, impostors))
                }
            }
        }
        return grid
    }()

    package func run(progress: (String) -> Void = { _ in }) throws(EvaluationError) -> Result {
        let authors = corpus.authors.filter { !$0.trainingTexts.isEmpty && !$0.validationItems.isEmpty && !$0.testItems.isEmpty }
        guard authors.count >= 3 else {
            throw EvaluationError("\(corpus.dataset.rawValue) has \(authors.count) authors with training, validation and test texts; tuning needs 3")
        }
        let validation = Self.pairs(authors) { $0.validationItems }
        let test = Self.pairs(authors) { $0.testItems }
        var trials: [Trial] = []
        for (index, setting) in Self.grid.enumerated() {
            let configuration = self.configuration(setting)
            trials.append(Trial(
                closestImpostors: setting.closest, deltaWeight: setting.delta, impostorsWeight: setting.impostors,
                validationAccuracy: accuracy(validation, authors: authors, configuration: configuration)))
            progress("setting \(index + 1)/\(Self.grid.count): validation \(trials.last!.validationAccuracy.text)")
        }
        let chosen = trials.enumerated().max { a, b in
            a.element.validationAccuracy.estimate < b.element.validationAccuracy.estimate
                || (a.element.validationAccuracy.estimate == b.element.validationAccuracy.estimate && a.offset > b.offset)
        }!.element
        let testAccuracy = accuracy(
            test, authors: authors,
            configuration: configuration((chosen.closestImpostors, chosen.deltaWeight, chosen.impostorsWeight)))
        var benchmark = JudgeConfiguration.validationTuned
        benchmark.impostorRounds = impostorRounds
        return Result(
            dataset: corpus.dataset.rawValue, authors: authors.count, trials: trials, chosen: chosen, testAccuracy: testAccuracy,
            benchmarkSettingsTestAccuracy: accuracy(test, authors: authors, configuration: benchmark))
    }

    private func configuration(_ setting: (closest: Int, delta: Double, impostors: Double)) -> JudgeConfiguration {
        JudgeConfiguration(
            textsPerImpostor: referenceTexts, closestImpostors: setting.closest, deltaWeight: setting.delta,
            impostorsWeight: setting.impostors, impostorRounds: impostorRounds)
    }

    private func accuracy(_ pairs: [GroundTruthPair], authors: [AuthorData], configuration: JudgeConfiguration) -> RateSummary {
        var configuration = configuration
        configuration.textsPerImpostor = referenceTexts
        let judge = StylometricJudge(
            impostors: authors.map { AuthorTexts(author: $0.author, texts: Array($0.trainingTexts.prefix(referenceTexts))) },
            configuration: configuration)
        var references: [String: AuthorReference] = [:]
        for author in authors {
            references[author.author] = judge.reference(AuthorTexts(author: author.author, texts: Array(author.trainingTexts.prefix(referenceTexts))))
        }
        var clusters: [String: [PairwiseOutcome]] = [:]
        for pair in pairs {
            guard let reference = references[pair.author] else { continue }
            clusters[pair.author, default: []].append(judge.groundTruthOutcome(pair, reference: reference))
        }
        return RateSummary(clusters: authors.map { clusters[$0.author] ?? [] })
    }

    /// Each author's items against the same position of the author seven places on.
    static func pairs(_ authors: [AuthorData], items: (AuthorData) -> [TestItem]) -> [GroundTruthPair] {
        authors.enumerated().flatMap { index, author -> [GroundTruthPair] in
            let offset = authors.count > 7 ? 7 : 1
            let foil = authors[(index + offset) % authors.count]
            let foilItems = items(foil)
            return items(author).enumerated().map { j, item in
                GroundTruthPair(
                    author: author.author, realText: item.realOutput, foilAuthor: foil.author,
                    foilText: foilItems[j % foilItems.count].realOutput)
            }
        }
    }
}
