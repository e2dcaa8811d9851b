import AuthorshipData
import Stylometry

/// The texts a judge may use as an author's reference: texts of the author the generator never saw.
///
/// `few-shot` and `hyperalign+examples` are shown the first training texts (and hypotheses are inferred
/// from them), so a reference built from those texts would score copied names, topics and phrases as
/// style. The reference is taken from the author's held-out texts instead — training texts beyond the
/// ones used, validation outputs, other texts — never a generator input and never a test output.
package enum JudgeReferences {
    /// Everything the generator reads for `author`: the training texts used and every test prompt.
    package static func generatorInputs(_ author: AuthorData, trainingTexts: Int) -> [String] {
        Array(author.trainingTexts.prefix(trainingTexts)) + author.testItems.map(\.prompt)
    }

    /// Up to `limit` held-out texts of `author` after the first `skipping`, disjoint from
    /// ``generatorInputs(_:trainingTexts:)`` and from the test outputs the judges compare.
    package static func texts(_ author: AuthorData, trainingTexts: Int, limit: Int, skipping: Int = 0) -> [String] {
        let excluded = Set((generatorInputs(author, trainingTexts: trainingTexts) + author.testItems.map(\.realOutput)).map(\.collapsingWhitespace))
        let pool = Array(author.trainingTexts.dropFirst(trainingTexts)) + author.validationItems.map(\.realOutput) + author.otherTexts
        var seen = Set<String>()
        return Array(pool.filter { text in
            let key = text.collapsingWhitespace
            return !key.isEmpty && !excluded.contains(key) && seen.insert(key).inserted
        }.dropFirst(skipping).prefix(limit))
    }
}
