import Foundation

extension MeasuredHypothesisMiner {
    func ratio(_ value: Double, _ baseline: Double) -> Double {
        baseline > 0 ? value / baseline : (value > 0 ? .infinity : 1)
    }

    func comparison(_ value: Double, _ baseline: Double, _ unit: String) -> String {
        let r = ratio(value, baseline)
        let f = MeasuredHypothesis.format
        if baseline == 0 { return "where the corpus has none" }
        if r >= 1.95 { return "\(f((r * 10).rounded() / 10))× the corpus \(unit) (\(f(baseline)))" }
        if r >= 1 { return "\(Int(((r - 1) * 100).rounded()))% above the corpus \(unit) (\(f(baseline)))" }
        if r > 0.5 { return "\(Int(((1 - r) * 100).rounded()))% below the corpus \(unit) (\(f(baseline)))" }
        return "under half the corpus \(unit) (\(f(baseline)))"
    }

    func lengthFacts(_ mine: TextSetProfile, _ corpus: TextSetProfile) -> [Candidate] {
        let f = MeasuredHypothesis.format
        let items: [(StyleStatistic, String, String, String)] = [
            (.medianSentenceLength, "median sentence length", "words", "median"),
            (.medianTextLength, "median text length", "words", "median"),
            (.medianParagraphLength, "median paragraph length", "words", "median"),
            (.meanWordLength, "mean word length", "letters", "mean"),
            (.movingAverageTypeTokenRatio, "vocabulary richness (MATTR)", "", "mean"),
        ]
        // When every text is one paragraph, paragraph length only repeats text length.
        let oneParagraphEach = mine.paragraphLengths.count <= mine.textCount
        return items.compactMap { statistic, label, unit, kind in
            if statistic == .medianParagraphLength && oneParagraphEach { return nil }
            let value = statistic.measure(mine), baseline = statistic.measure(corpus)
            guard value.isFinite, baseline.isFinite, baseline > 0 else { return nil }
            let threshold = statistic == .movingAverageTypeTokenRatio || statistic == .meanWordLength ? 1.08 : lengthRatio
            let r = ratio(value, baseline)
            guard r >= threshold || r <= 1 / threshold else { return nil }
            let figure = unit.isEmpty ? f(value) : "\(f(value)) \(unit)"
            return Candidate(
                hypothesis: MeasuredHypothesis(
                    statement: "\(label) \(figure), \(comparison(value, baseline, kind))",
                    statistic: statistic, value: value, baseline: baseline),
                strength: abs(log(r)) * 1.5
            )
        }
    }

    func rateFacts(_ mine: TextSetProfile, _ corpus: TextSetProfile) -> [Candidate] {
        let f = MeasuredHypothesis.format
        var candidates: [Candidate] = []
        func consider(_ statistic: StyleStatistic, _ label: String, minimumBaseline: Double) {
            let value = statistic.measure(mine), baseline = statistic.measure(corpus)
            guard value.isFinite, baseline.isFinite, max(value, baseline) >= minimumBaseline else { return }
            let r = ratio(value, baseline)
            guard r >= rateRatio || r <= 1 / rateRatio else { return }
            // Poisson check: the observed count must differ clearly from the count expected at the corpus rate.
            let observed = value * Double(mine.wordCount) / 1000
            let expected = baseline * Double(mine.wordCount) / 1000
            guard max(observed, expected) >= 4, abs(observed - expected) >= 2.5 * max(expected, 1).squareRoot() else { return }
            let statement = value == 0
                ? "never uses \(label) (corpus \(f(baseline)) per 1,000 words)"
                : "uses \(label) \(f(value)) times per 1,000 words, \(comparison(value, baseline, "rate"))"
            candidates.append(Candidate(
                hypothesis: MeasuredHypothesis(statement: statement, statistic: statistic, value: value, baseline: baseline),
                strength: min(abs(log(max(r, 1e-3))), 3)
            ))
        }
        for mark in PunctuationMark.allCases { consider(.punctuationRate(mark), mark.displayName, minimumBaseline: 1) }
        consider(.contractionRate, "contractions", minimumBaseline: 2)
        var words: [Candidate] = []
        swap(&words, &candidates)
        for word in FunctionWords.list { consider(.functionWordRate(word), "\"\(word)\"", minimumBaseline: 2) }
        // Function words are many; keep the three strongest so they do not crowd out everything else.
        let strongestWords = candidates.sorted { $0.strength > $1.strength }.prefix(3).map {
            Candidate(hypothesis: $0.hypothesis, strength: $0.strength * 0.8)
        }
        return words + strongestWords
    }
}
