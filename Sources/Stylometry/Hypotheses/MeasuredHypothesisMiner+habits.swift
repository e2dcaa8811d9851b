extension MeasuredHypothesisMiner {
    func habitFacts(_ mine: TextSetProfile, _ corpus: TextSetProfile) -> [Candidate] {
        let n = mine.textCount
        var candidates: [Candidate] = []
        func share(_ statistic: StyleStatistic, _ count: Int, _ describe: (String) -> String) {
            let value = statistic.measure(mine), baseline = statistic.measure(corpus)
            guard count >= minimumSupport, value >= 2 * baseline else { return }
            let figure = "\(count) of \(n) texts"
            let f = MeasuredHypothesis.format
            candidates.append(Candidate(
                hypothesis: MeasuredHypothesis(
                    statement: "\(describe(figure)) (corpus \(f((baseline * 100).rounded()))%)",
                    statistic: statistic, value: value, baseline: baseline),
                strength: 1.5 + value
            ))
        }
        share(.listShare, mine.textsWithList) { "uses bulleted or numbered lists in \($0)" }
        share(.greetingShare, mine.textsWithGreeting) { "opens with a greeting in \($0)" }
        if mine.textsWithFirstNameSignOff * 2 >= mine.textsWithSignOff {
            share(.firstNameSignOffShare, mine.textsWithFirstNameSignOff) { "signs off with the first name only in \($0)" }
        } else {
            share(.signOffShare, mine.textsWithSignOff) { "ends with a sign-off in \($0)" }
        }
        if let (word, count) = mine.openingWords.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), n >= 3, count * 3 >= n {
            share(.openingWordShare(word), count) { "starts \($0) with \"\(word)\"" }
        }
        let lowercase = mine.casing.lowercaseSentenceShare, lowercaseBaseline = corpus.casing.lowercaseSentenceShare
        if mine.casing.sentences >= 5, lowercase >= 0.2, lowercase >= 3 * lowercaseBaseline {
            candidates.append(Candidate(
                hypothesis: MeasuredHypothesis(
                    statement: "starts \(Int((lowercase * 100).rounded()))% of sentences with a lowercase letter (corpus \(Int((lowercaseBaseline * 100).rounded()))%)",
                    statistic: .lowercaseSentenceShare, value: lowercase, baseline: lowercaseBaseline),
                strength: 1.5 + lowercase))
        }
        let lowerI = mine.casing.lowercaseIShare, lowerIBaseline = corpus.casing.lowercaseIShare
        if mine.casing.lowercaseI >= 3, lowerI >= 0.3, lowerI >= 3 * lowerIBaseline {
            candidates.append(Candidate(
                hypothesis: MeasuredHypothesis(
                    statement: "writes the pronoun \"I\" in lowercase \(Int((lowerI * 100).rounded()))% of the time (corpus \(Int((lowerIBaseline * 100).rounded()))%)",
                    statistic: .lowercaseIShare, value: lowerI, baseline: lowerIBaseline),
                strength: 1.5 + lowerI))
        }
        return candidates
    }
}
