import Stylometry

/// How close candidates are to a person's style, as a likelihood ratio: how much better a character
/// language model of the person's texts predicts a candidate than one of the *other* candidates does (mean
/// bits per byte). The other candidates stand for what the model writes on this request anyway, so words of
/// the request and generic English cancel, and what remains is what the candidate shares with the person.
/// Used to break ties between candidates that follow equally many habits.
///
/// Whitespace is collapsed first: layout is judged by the habits; this measures words and punctuation.
public struct StylisticCloseness: Sendable {
    let person: CharacterLanguageModel

    public init(texts: [String]) {
        person = CharacterLanguageModel(texts: texts.map(\.collapsingWhitespace))
    }

    /// One score per candidate, in order; higher is closer (0 when there is no other candidate to compare with).
    public func scores(_ candidates: [String]) -> [Double] {
        let texts = candidates.map(\.collapsingWhitespace)
        guard texts.count > 1 else { return texts.map { _ in 0 } }
        return texts.indices.map { index in
            let others = CharacterLanguageModel(texts: texts.indices.filter { $0 != index }.map { texts[$0] })
            return person.meanLogProbability(of: texts[index]) - others.meanLogProbability(of: texts[index])
        }
    }
}
