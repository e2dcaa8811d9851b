import AuthorshipData

/// The part of a corpus a run uses: the first authors, each cut to the first prompts, and for every test
/// item the foil of its ground-truth check (the same position of an author seven places on).
struct AuthorshipSlice: Sendable {
    struct Foil: Sendable {
        var author: String
        var item: TestItem
    }

    var authors: [AuthorData]
    var foils: [String: Foil]

    init(corpus: AuthorshipCorpus, configuration: AuthorshipRunConfiguration) throws(EvaluationError) {
        let usable = corpus.authors.filter { !$0.testItems.isEmpty && !$0.trainingTexts.isEmpty }
        guard usable.count >= 2 else {
            throw EvaluationError("\(corpus.dataset.folderName) has \(usable.count) usable authors; the ground-truth check needs at least 2")
        }
        authors = usable.prefix(configuration.authors).map { author in
            var cut = author
            cut.testItems = Array(author.testItems.prefix(configuration.promptsPerAuthor))
            return cut
        }
        var foils: [String: Foil] = [:]
        for author in authors {
            guard let position = usable.firstIndex(where: { $0.author == author.author }) else { continue }
            let foilAuthor = usable[(position + 7) % usable.count == position ? (position + 1) % usable.count : (position + 7) % usable.count]
            for (j, item) in author.testItems.enumerated() {
                foils[item.id] = Foil(author: foilAuthor.author, item: foilAuthor.testItems[j % foilAuthor.testItems.count])
            }
        }
        self.foils = foils
    }
}
