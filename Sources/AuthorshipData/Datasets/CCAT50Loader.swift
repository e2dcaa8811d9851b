/// Loads CCAT50: raw articles from `c50train.jsonl` / `c50test.jsonl`, splits from DITTO's JSON files.
///
/// Training texts mimic DITTO's train split (which is not shared): the author's `C50train` files that are
/// not in DITTO's validation split, in file-name order. All texts get DITTO's whitespace normalisation; the
/// training texts are also kept with their paragraphs (one per line in the raw files).
struct CCAT50Loader {
    /// One article: where it comes from, DITTO-normalised, and with its line breaks.
    struct Article {
        var source: String
        var text: String
        var asWritten: String
    }

    let reader: DataFileReader
    let folder = AuthorshipDataset.ccat50.folderName

    func load(trainingTextsPerAuthor: Int) throws(AuthorshipDataError) -> AuthorshipCorpus {
        var articles: [String: [Article]] = [:]
        for split in ["C50train", "C50test"] {
            let file = "\(folder)/\(split.lowercased()).jsonl"
            for record in try reader.jsonLines(file) {
                let author = try record.string("author")
                let name = try record.string("file")
                let raw = try record.string("text")
                articles[author, default: []].append(
                    Article(source: "\(split)/\(author)/\(name)", text: DittoText.normalize(raw), asWritten: DittoText.keepingLines(raw)))
            }
        }
        let validation = try DittoItem.read("\(folder)/ditto_val.json", with: reader)
        let test = try DittoItem.read("\(folder)/ditto_test.json", with: reader)
        let authors = try articles.keys.sorted().map { author throws(AuthorshipDataError) in
            try authorData(author, articles[author] ?? [], validation, test, trainingTextsPerAuthor)
        }
        return AuthorshipCorpus(dataset: .ccat50, authors: authors)
    }

    func authorData(
        _ author: String, _ articles: [Article],
        _ validation: [DittoItem], _ test: [DittoItem], _ count: Int
    ) throws(AuthorshipDataError) -> AuthorData {
        let validationItems = validation.filter { $0.author == author }
        let testItems = test.filter { $0.author == author }
        let heldOut = Set((validationItems + testItems).flatMap(\.sources))
        let sorted = articles.sorted { $0.source < $1.source }
        let training = Array(sorted.filter { $0.source.hasPrefix("C50train/") && !heldOut.contains($0.source) }.prefix(count))
        let used = heldOut.union(training.map(\.source))
        return AuthorData(
            author: author,
            trainingTexts: training.map(\.text),
            trainingTextsAsWritten: training.map(\.asWritten),
            testItems: testItems.map { $0.testItem(dataset: .ccat50, split: "test") },
            validationItems: validationItems.map { $0.testItem(dataset: .ccat50, split: "val") },
            otherTexts: sorted.filter { !used.contains($0.source) }.map(\.text)
        )
    }
}
