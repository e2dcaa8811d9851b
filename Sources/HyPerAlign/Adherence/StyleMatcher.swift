import Stylometry

/// How close candidates are to a person's style, measured the way the project's stylometric judge
/// measures authorship: character n-gram TF-IDF, Burrows's Delta and the impostors method, each relative
/// to other people's texts. Without other people's texts it falls back to ``StylisticCloseness``.
///
/// Other people's texts are needed because closeness alone rewards what every text shares; a service has
/// them in its store, an evaluation in its data set. They are read as statistics only, never shown.
public struct StyleMatcher: Sendable {
    enum Method: Sendable {
        case judge(StylometricJudge, AuthorReference)
        case likelihoodRatio(StylisticCloseness)
    }

    let method: Method

    /// The fewest other people the judge needs: its margins average the three closest impostors.
    public static let minimumOthers = 3

    /// - Parameters:
    ///   - texts: the person's texts.
    ///   - others: other people's texts, one array per person (fewer than ``minimumOthers`` people with
    ///     texts: the likelihood ratio against the other candidates is used instead).
    public init(texts: [String], others: [[String]]) {
        let people = others.map { $0.map(\.collapsingWhitespace).filter { !$0.isEmpty } }.filter { !$0.isEmpty }
        let own = texts.map(\.collapsingWhitespace).filter { !$0.isEmpty }
        guard people.count >= Self.minimumOthers, !own.isEmpty else {
            method = .likelihoodRatio(StylisticCloseness(texts: texts))
            return
        }
        var configuration = JudgeConfiguration.validationTuned
        configuration.textsPerImpostor = max(own.count, people.map(\.count).max() ?? 1)
        let judge = StylometricJudge(
            impostors: people.enumerated().map { AuthorTexts(author: "other-\($0.offset)", texts: $0.element) },
            extraCorpus: own, configuration: configuration)
        method = .judge(judge, judge.reference(AuthorTexts(author: "person", texts: own)))
    }

    /// Whether other people's texts were enough to measure against (else the likelihood-ratio fallback).
    public var usesOtherPeople: Bool {
        if case .judge = method { return true }
        return false
    }

    /// One score per candidate, in order; higher is closer.
    public func scores(_ candidates: [String]) -> [Double] {
        switch method {
        case .judge(let judge, let reference):
            candidates.map { judge.score($0.collapsingWhitespace, for: reference).combined }
        case .likelihoodRatio(let closeness):
            closeness.scores(candidates)
        }
    }
}
