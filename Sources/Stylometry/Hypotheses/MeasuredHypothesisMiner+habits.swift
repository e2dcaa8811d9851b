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
        /// A casing habit at least three times as common as in the corpus, with enough occurrences.
        func casing(_ statistic: StyleStatistic, _ value: Double, _ baseline: Double, supported: Bool, threshold: Double,
                    _ describe: (_ percent: Int, _ corpusPercent: Int) -> String) {
            guard supported, value >= threshold, value >= 3 * baseline else { return }
            candidates.append(Candidate(
                hypothesis: MeasuredHypothesis(
                    statement: describe(Int((value * 100).rounded()), Int((baseline * 100).rounded())),
                    statistic: statistic, value: value, baseline: baseline),
                strength: 1.5 + value))
        }
        casing(.lowercaseSentenceShare, mine.casing.lowercaseSentenceShare, corpus.casing.lowercaseSentenceShare,
               supported: mine.casing.sentences >= 5, threshold: 0.2) {
            "starts \($0)% of sentences with a lowercase letter (corpus \($1)%)"
        }
        casing(.lowercaseIShare, mine.casing.lowercaseIShare, corpus.casing.lowercaseIShare,
               supported: mine.casing.lowercaseI >= 3, threshold: 0.3) {
            "writes the pronoun \"I\" in lowercase \($0)% of the time (corpus \($1)%)"
        }
        return candidates
    }
}
