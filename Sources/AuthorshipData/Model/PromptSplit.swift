/// Which held-out prompts an evaluation answers: the test split it reports, or the validation split a
/// method is designed on, so a design choice never looks at the test split.
public enum PromptSplit: String, Sendable, Hashable, Codable, CaseIterable {
    case test
    case validation

    /// `corpus` as this split sees it. For `validation`, each author's validation items become the prompts
    /// to answer and leave the reference texts (a judge would otherwise be handed the very answer), and the
    /// test items are dropped, so nothing of the test split is read.
    public func prompts(of corpus: AuthorshipCorpus) -> AuthorshipCorpus {
        switch self {
        case .test:
            return corpus
        case .validation:
            var corpus = corpus
            corpus.authors = corpus.authors.map { author in
                var author = author
                author.testItems = author.validationItems
                author.validationItems = []
                return author
            }
            return corpus
        }
    }
}
