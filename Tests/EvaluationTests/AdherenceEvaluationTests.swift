import Foundation
import AuthorshipData
import Evaluation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Synchronization
import Testing

struct AdherenceEvaluationTests {
    @Test func everyVariantIsCheckedAndJudgedAgainstZeroShot() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond(SyntheticCorpus.answer))
        let configuration = AdherenceRunConfiguration(datasets: [.ccat50], authorsPerDataset: 3, promptsPerAuthor: 1)
        let result = try await AdherenceEvaluation(model: model, configuration: configuration).run([SyntheticCorpus.corpus])
        let variants = AdherenceVariant.standard().map(\.description)
        #expect(variants == [
            "zero-shot", "few-shot", "hyperalign", "hyperalign+examples", "hyperalign --best-of 4",
            "hyperalign+examples --best-of 4", "hyperalign --revise", "hyperalign --repair", "hyperalign --best-of 4 --repair",
        ])
        #expect(result.records.count == 3 * variants.count)
        #expect(result.summary.rows.map(\.variant) == variants)
        #expect(result.summary.authors == 3)
        for record in result.records {
            #expect(record.checked > 0)
            #expect((record.winAgainstZeroShot == nil) == (record.variant == "zero-shot"))
            // Every check is named, and the named ones add up to the counts.
            #expect(record.habits?.count == record.checked)
            #expect(record.habits?.values.filter { $0 }.count == record.satisfied)
        }
        // The broken-habit table accounts for every broken check of every variant, and none twice.
        for (position, variant) in variants.enumerated() {
            let tallied: Int = result.summary.brokenHabits.map { $0.broken[position] }.reduce(0, +)
            let broken: Int = result.records.filter { $0.variant == variant }.map { $0.checked - $0.satisfied }.reduce(0, +)
            #expect(tallied == broken)
        }
        #expect(result.summary.brokenHabits.contains { $0.habit == "opening" })  // the generic answers miss ann's
        // The personalized answer follows ann's opening and sign-off, the generic one does not.
        let ann = result.records.filter { $0.author == "ann" }
        let zeroShot = try #require(ann.first { $0.variant == "zero-shot" })
        let hyperalign = try #require(ann.first { $0.variant == "hyperalign" })
        #expect(hyperalign.satisfied > zeroShot.satisfied)
        #expect(result.groundTruth.count == 3)
        #expect(result.summary.judgeRealOverZeroShot.n == 3)
        #expect(result.summary.markdown.contains("| hyperalign --best-of 4 | 3 |"))
        // The scripted model always stops by itself: no answer ran into the budget, and the table says so.
        #expect(result.summary.rows.allSatisfy { $0.endedAtBudget == 0 })
        #expect(result.records.allSatisfy { $0.endedAtBudget == false })
        // Repair re-uses the answers: it follows at least as many habits and costs no model call.
        for author in ["ann", "bob", "cy"] {
            let mine = result.records.filter { $0.author == author }
            let plain = try #require(mine.first { $0.variant == "hyperalign --best-of 4" })
            let repaired = try #require(mine.first { $0.variant == "hyperalign --best-of 4 --repair" })
            #expect(repaired.satisfied >= plain.satisfied)
        }
        // Best-of rows keep every candidate's score; the scripted model's four candidates are one text, so
        // every choice tied on habits and closeness made it.
        for record in result.records {
            let bestOf = record.variant.contains("--best-of")
            #expect(record.candidates?.count == (bestOf ? 4 : nil))
            #expect((record.chosenCandidate != nil) == bestOf)
            #expect(record.choiceTiedOnHabits == (bestOf ? true : nil))
            // Every candidate is kept as checked and judged against the same zero-shot answer; the four are
            // one text here, so each has the kept answer's verdict.
            #expect(record.candidates?.allSatisfy { $0.text == record.text } ?? true)
            #expect(record.candidateWins == (bestOf ? Array(repeating: try #require(record.winAgainstZeroShot), count: 4) : nil))
            // The synthetic authors have 4 held-out texts, all in the first judge's reference: no second one.
            #expect(record.secondReferenceCloseness == nil)
            // The person's given texts always make a reference: every candidate is scored against them.
            #expect(record.ownTextsCloseness?.count == (bestOf ? 4 : nil))
        }
        #expect(result.summary.rows.map(\.choicesTiedOnHabits) == variants.map { $0.contains("--best-of") ? 3 : nil })
        #expect(result.summary.markdown.contains("closeness to the person's texts (another candidate followed as many habits): hyperalign --best-of 4 3 of 3;"))
    }

    /// A run of chosen rows reports those rows, and each progress line names the row it counts.
    @Test func aRunOfChosenRowsReportsThemAndItsProgressNamesTheRow() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond(SyntheticCorpus.answer))
        let variants = [AdherenceVariant(.zeroShot), try AdherenceVariant(parsing: "hyperalign+examples --best-of 2")]
        let configuration = AdherenceRunConfiguration(datasets: [.ccat50], authorsPerDataset: 2, promptsPerAuthor: 1, variants: variants)
        let lines = Mutex<[String]>([])
        let result = try await AdherenceEvaluation(model: model, configuration: configuration)
            .run([SyntheticCorpus.corpus]) { line in lines.withLock { $0.append(line) } }
        #expect(result.summary.rows.map(\.variant) == ["zero-shot", "hyperalign+examples --best-of 2"])
        #expect(result.records.count == 4)
        let progress = lines.withLock { $0 }
        #expect(progress.count == 2)
        #expect(progress.allSatisfy { $0.contains("hyperalign+examples --best-of 2 followed") && $0.contains("of 1 against zero-shot") })
    }

    /// `--split validation` answers the validation prompts and says so; the test prompts are not answered.
    @Test func theValidationSplitIsAnsweredInsteadOfTheTestSplit() async throws {
        var corpus = SyntheticCorpus.corpus
        corpus.authors = corpus.authors.map { author in
            var author = author
            author.validationItems = [TestItem(id: "syn/val/\(author.author)", prompt: "Write about the budget.", realOutput: author.otherTexts[0])]
            return author
        }
        let model = ScriptedChatModel(steps: [], fallback: .respond(SyntheticCorpus.answer))
        let configuration = AdherenceRunConfiguration(
            datasets: [.ccat50], authorsPerDataset: 3, promptsPerAuthor: 2, split: .validation, variants: [AdherenceVariant(.zeroShot), AdherenceVariant(.hyperalign)])
        let result = try await AdherenceEvaluation(model: model, configuration: configuration).run([corpus])
        #expect(Set(result.records.map(\.item)) == ["syn/val/ann", "syn/val/bob", "syn/val/cy"])
        #expect(!model.requests.contains { $0.messages.contains { $0.content.contains("Write about item") } })
        #expect(result.summary.split == .validation)
        #expect(result.summary.markdown.contains("Prompts: DITTO's validation split"))
        let test = try await AdherenceEvaluation(model: model, configuration: AdherenceRunConfiguration(
            datasets: [.ccat50], authorsPerDataset: 3, promptsPerAuthor: 1, variants: [AdherenceVariant(.zeroShot)])).run([corpus])
        #expect(test.records.allSatisfy { $0.item.hasPrefix("syn/ann/") || $0.item.hasPrefix("syn/bob/") || $0.item.hasPrefix("syn/cy/") })
        #expect(!test.summary.markdown.contains("validation split"))
    }

    @Test func closenessChoseOnlyWhereAnotherCandidateFollowedAsManyHabits() {
        let candidates = [5, 7, 6, 7].map { CheckedGeneration.Candidate(seed: $0, satisfied: $0, closeness: 0) }
        #expect(CheckedGeneration.tiedOnHabits(candidates, chosen: 1))
        #expect(!CheckedGeneration.tiedOnHabits(Array(candidates.prefix(3)), chosen: 1))
        #expect(!CheckedGeneration.tiedOnHabits(candidates, chosen: 9))
    }

    @Test func winRatesAreAlsoGivenPerDataSetBesideItsJudgeCheck() {
        func record(_ dataset: String, _ author: String, _ variant: String, win: Double?) -> AdherenceRecord {
            AdherenceRecord(
                dataset: dataset, author: author, item: "\(author)/0", variant: variant, text: "x", satisfied: 1, checked: 1,
                winAgainstZeroShot: win, seconds: 0, promptTokens: 0, completionTokens: 0)
        }
        let records = ["a1", "a2"].flatMap { [record("a", $0, "zero-shot", win: nil), record("a", $0, "hyperalign", win: 1)] }
            + ["b1", "b2"].flatMap { [record("b", $0, "zero-shot", win: nil), record("b", $0, "hyperalign", win: 0)] }
        let truth = ["a1", "a2", "b1", "b2"].map {
            AdherenceGroundTruth(dataset: String($0.prefix(1)), author: $0, item: "\($0)/0", realOverZeroShot: $0.hasPrefix("a") ? 1 : 0.5)
        }
        let summary = AdherenceSummary(
            model: "m", datasets: ["a", "b"], promptsPerAuthor: 1, variants: ["zero-shot", "hyperalign"], records: records, groundTruth: truth)
        #expect(summary.rows[1].winRateAgainstZeroShot?.estimate == 0.5)
        #expect(summary.byDataset.map(\.dataset) == ["a", "b"])
        #expect(summary.byDataset.map { $0.winRateAgainstZeroShot[1]?.estimate } == [1, 0])
        #expect(summary.byDataset.map { $0.winRateAgainstZeroShot[0] } == [nil, nil])
        #expect(summary.byDataset.map(\.judgeRealOverZeroShot.estimate) == [1, 0.5])
        #expect(summary.markdown.contains("| b (2 authors) | 0.50"))
    }

    /// A best-of row's kept win-rate sits beside the rate of one candidate at random and of the best one.
    @Test func bestOfRowsShowWhatTheChoiceGained() {
        func record(_ author: String, _ variant: String, win: Double?, candidateWins: [Double]? = nil, second: [Double]? = nil) -> AdherenceRecord {
            AdherenceRecord(
                dataset: "a", author: author, item: "\(author)/0", variant: variant, text: "x", satisfied: 1, checked: 1,
                winAgainstZeroShot: win, seconds: 0, promptTokens: 0, completionTokens: 0, candidateWins: candidateWins,
                secondReferenceCloseness: second, ownTextsCloseness: candidateWins.map { wins in wins.map { -$0 } })
        }
        let records = [
            record("a1", "zero-shot", win: nil),
            record("a1", "hyperalign --best-of 4", win: 1, candidateWins: [1, 0, 0, 0.5], second: [0.3, 0.1, 0.3, 0.2]),
            record("a2", "zero-shot", win: nil),
            record("a2", "hyperalign --best-of 4", win: 0, candidateWins: [0, 0, 0, 1], second: [-0.2, -0.4, -0.3, 0.1]),
            // An author with too few held-out texts for a second reference counts in every rate but that one.
            record("a3", "zero-shot", win: nil), record("a3", "hyperalign --best-of 4", win: 0.5, candidateWins: [0.5, 0.5, 0.5, 0.5]),
        ]
        let summary = AdherenceSummary(
            model: "m", datasets: ["a"], promptsPerAuthor: 1, variants: ["zero-shot", "hyperalign --best-of 4"], records: records, groundTruth: [])
        let row = summary.rows[1]
        #expect(row.winRateAgainstZeroShot?.estimate == 0.5)
        #expect(row.randomCandidateWinRate?.estimate == (1.5 / 4 + 1.0 / 4 + 0.5) / 3)
        #expect(row.bestCandidateWinRate?.estimate == (1 + 1 + 0.5) / 3)
        // The second judge's pick: a1's two closest tie (candidates 0 and 2: ½), a2's closest is the winner.
        #expect(row.secondReferencePickWinRate?.estimate == 0.75)
        #expect(row.secondReferencePickWinRate?.n == 2)
        #expect(summary.rows[0].randomCandidateWinRate == nil)
        #expect(summary.rows[0].secondReferencePickWinRate == nil)
        // Closeness here ranks the candidates against the verdicts: the pick is each answer's worst candidate
        // (a3's four tie: their mean).
        #expect(row.ownTextsPickWinRate?.estimate == (0 + 0 + 0.5) / 3)
        #expect(summary.markdown.contains("what --choose style keeps 0.17 ["))
        #expect(summary.markdown.contains("hyperalign --best-of 4: kept 0.50 ["))
        #expect(summary.markdown.contains("the pick of a second judge (other held-out texts) 0.75 ["))
        #expect(summary.markdown.contains("the judge's own pick 0.83 ["))
    }

    @Test func aVariantReadsBackFromTheNameTheSummaryGivesIt() throws {
        for variant in AdherenceVariant.standard(bestOf: 5) {
            #expect(try AdherenceVariant(parsing: variant.description) == variant)
        }
        #expect(try AdherenceVariant(parsing: "  hyperalign   --repair --best-of 3 ") == AdherenceVariant(.hyperalign, bestOf: 3, repair: true))
        let style = AdherenceVariant(.hyperalignExamples, bestOf: 4, repair: true, choice: .style)
        #expect(style.description == "hyperalign+examples --best-of 4 --repair --choose style")
        #expect(try AdherenceVariant(parsing: style.description) == style)
        // Choosing by habits is the default and keeps the names earlier runs wrote.
        #expect(try AdherenceVariant(parsing: "hyperalign --best-of 4 --choose habits").description == "hyperalign --best-of 4")
        let choice = #expect(throws: EvaluationError.self) { try AdherenceVariant(parsing: "hyperalign --best-of 4 --choose taste") }
        #expect(choice?.description.contains("habits, style") == true)
        // A variant written before the choice existed reads back as choosing by habits.
        let old = try JSONDecoder().decode(AdherenceVariant.self, from: Data(#"{"generation":"hyperalign","bestOf":4,"revise":false,"repair":true}"#.utf8))
        #expect(old == AdherenceVariant(.hyperalign, bestOf: 4, repair: true))
        let unknown = #expect(throws: EvaluationError.self) { try AdherenceVariant(parsing: "hyperalign+exemples") }
        #expect(unknown?.description.contains("'hyperalign+exemples'") == true)
        let flag = #expect(throws: EvaluationError.self) { try AdherenceVariant(parsing: "few-shot --best 4") }
        #expect(flag?.description.contains("'--best'") == true)
        #expect(throws: EvaluationError.self) { try AdherenceVariant(parsing: "hyperalign --best-of 1") }
        #expect(throws: EvaluationError.self) { try AdherenceVariant(parsing: "hyperalign --best-of") }
        #expect(throws: EvaluationError.self) { try AdherenceVariant(parsing: " ") }
    }

    @Test func theJudgeNeverSeesWhatTheGeneratorRead() {
        // The benchmark's judge draws on JudgeReferences: held-out texts only.
        for author in SyntheticCorpus.corpus.authors {
            let references = JudgeReferences.texts(author, trainingTexts: author.trainingTexts.count, limit: 7)
            #expect(Set(references).isDisjoint(with: author.trainingTexts))
            #expect(Set(references).isDisjoint(with: author.testItems.map(\.realOutput)))
            #expect(Set(references).isDisjoint(with: author.testItems.map(\.prompt)))
        }
    }

    /// The person hands in their texts with their paragraphs; the judge, whose references are
    /// whitespace-normalised, reads every text with its whitespace collapsed.
    @Test func thePersonsTextsKeepTheirLayoutAndTheJudgeIgnoresLayout() async throws {
        var corpus = SyntheticCorpus.corpus
        corpus.authors[0].trainingTextsAsWritten = corpus.authors[0].trainingTexts.map {
            $0.replacingOccurrences(of: ". ", with: ".\n\n")  // four paragraphs instead of two
        }
        let model = ScriptedChatModel(steps: [], fallback: .respond(SyntheticCorpus.answer))
        let configuration = AdherenceRunConfiguration(
            datasets: [.ccat50], authorsPerDataset: 1, promptsPerAuthor: 1, variants: [.init(.zeroShot), .init(.fewShot)])
        let result = try await AdherenceEvaluation(model: model, configuration: configuration).run([corpus])
        let fewShot = try #require(model.requests.first { request in request.messages.contains { $0.content.contains("<example") } })
        #expect(fewShot.messages.contains { $0.content.contains("The team meets at noon.\n\n— A.") && $0.content.contains("is late.\n\nWe will fix it") })
        #expect(result.records.allSatisfy { $0.habits?["paragraph length"] != nil })

        let authors = SyntheticCorpus.corpus.authors
        let judge = try StylometricPairJudge(corpus: SyntheticCorpus.corpus, authors: authors, trainingTexts: 7)
        let answer = "Short version: the order is late. We will fix it; we always do.\n\n— A."
        let other = "well i think it's fine honestly, who knows?? lol"
        let flat = try judge.compare(answer.replacingOccurrences(of: "\n\n", with: " "), against: other, author: "ann")
        let laidOut = try judge.compare(answer.replacingOccurrences(of: ". ", with: ".\n\n"), against: other, author: "ann")
        #expect(flat.outcome == laidOut.outcome && flat.detail == laidOut.detail)
    }
}
