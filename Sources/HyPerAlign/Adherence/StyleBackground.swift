import Stylometry

/// Other people's texts, fitted once (TF-IDF, Delta statistics, one profile per person): what
/// ``StyleMatcher`` measures a person's style against. A store or a data set builds it once and every
/// generation shares it; a person found in it by id is left out of their own comparison.
public struct StyleBackground: Sendable {
    let judge: StylometricJudge
    /// The people in it, by id.
    public let ids: Set<String>

    /// - Parameter people: each person's texts by id (whitespace is collapsed, empty texts dropped).
    public init(people: [String: [String]]) {
        let texts = people.sorted { $0.key < $1.key }.map { id, texts in
            AuthorTexts(author: id, texts: texts.map(\.collapsingWhitespace).filter { !$0.isEmpty })
        }.filter { !$0.texts.isEmpty }
        var configuration = JudgeConfiguration.validationTuned
        configuration.textsPerImpostor = max(1, texts.map(\.texts.count).max() ?? 1)
        judge = StylometricJudge(impostors: texts, configuration: configuration)
        ids = Set(texts.map(\.author))
    }

    /// How many people a comparison for `person` measures against (everyone but themselves).
    public func others(besides person: String) -> Int { ids.subtracting([person]).count }
}
