import Stylometry

/// How close candidates are to a person's style, measured the way the project's stylometric judge
/// measures authorship: character n-gram TF-IDF, Burrows's Delta and the impostors method, each relative
/// to other people's texts (a ``StyleBackground``). Without at least ``minimumOthers`` other people it falls
/// back to ``StylisticCloseness``, the likelihood ratio against the other candidates.
///
/// Other people are needed because closeness alone rewards what every text shares; a service has them in
/// its store, an evaluation in its data set. Their texts are read as statistics only, never shown.
public struct StyleMatcher: Sendable {
    enum Method: Sendable {
        case judge(StylometricJudge, AuthorReference)
        case likelihoodRatio(StylisticCloseness)
    }

    let method: Method

    /// The fewest other people the judge needs: its margins average the three closest impostors.
    public static let minimumOthers = 3

    /// - Parameters:
    ///   - person: the person's id (left out of the background's comparison if it is in it).
    ///   - texts: the person's texts.
    public init(person: String, texts: [String], background: StyleBackground?) {
        let own = texts.map(\.collapsingWhitespace).filter { !$0.isEmpty }
        guard let background, background.others(besides: person) >= Self.minimumOthers, !own.isEmpty else {
            method = .likelihoodRatio(StylisticCloseness(texts: texts))
            return
        }
        method = .judge(background.judge, background.judge.reference(AuthorTexts(author: person, texts: own)))
    }

    /// Whether other people were enough to measure against (else the likelihood-ratio fallback).
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
