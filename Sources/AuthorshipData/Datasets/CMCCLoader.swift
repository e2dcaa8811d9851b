/// Loads CMCC emails and essays with DITTO's train/validation/test splits.
///
/// Training texts are the first N items (by DITTO position) of the author's DITTO train split (7–8 exist);
/// other texts are the author's remaining raw texts that appear in no split item. Training texts are also kept
/// with the line breaks of their raw source.
struct CMCCLoader {
    let reader: DataFileReader
    let folder = AuthorshipDataset.cmcc.folderName

    func load(trainingTextsPerAuthor: Int) throws(AuthorshipDataError) -> AuthorshipCorpus {
        var texts: [String: [(source: String, text: String)]] = [:]
        var asWritten: [String: String] = [:]
        for record in try reader.jsonLines("\(folder)/cmcc_emails_essays.jsonl") {
            let author = try record.string("author")
            let source = try record.string("file")
            let raw = try record.string("text")
            texts[author, default: []].append((source, DittoText.normalize(raw)))
            asWritten[source] = DittoText.keepingLines(raw)
        }
        let train = try DittoItem.read("\(folder)/ditto_train.json", with: reader)
        let validation = try DittoItem.read("\(folder)/ditto_val.json", with: reader)
        let test = try DittoItem.read("\(folder)/ditto_test.json", with: reader)
        let names = Set(texts.keys).union(train.map(\.author)).sorted(by: Self.participantOrder)
        let authors = names.map { author in
            let training = Array(train.filter { $0.author == author }.prefix(trainingTextsPerAuthor))
            let testItems = test.filter { $0.author == author }
            let validationItems = validation.filter { $0.author == author }
            let used = Set((training + testItems + validationItems).flatMap(\.sources))
            let others = (texts[author] ?? []).sorted { $0.source < $1.source }.filter { !used.contains($0.source) }
            return AuthorData(
                author: author,
                trainingTexts: training.map(\.output),
                trainingTextsAsWritten: training.map { Self.asWritten($0, sources: asWritten) },
                testItems: testItems.map { $0.testItem(dataset: .cmcc, split: "test") },
                validationItems: validationItems.map { $0.testItem(dataset: .cmcc, split: "val") },
                otherTexts: others.map(\.text)
            )
        }
        return AuthorshipCorpus(dataset: .cmcc, authors: authors)
    }

    /// The item's output with its source's line breaks, when it has one source whose text it is (DITTO's
    /// output is that text normalised); otherwise the output as DITTO gives it.
    static func asWritten(_ item: DittoItem, sources: [String: String]) -> String {
        guard item.sources.count == 1, let text = sources[item.sources[0]],
              text.split(separator: "\n").joined(separator: " ") == item.output else { return item.output }
        return text
    }

    /// S1, S2, …, S10 in numeric order; other names after, alphabetically.
    static func participantOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a.dropFirst()), Int(b.dropFirst())) {
        case let (x?, y?): x < y
        case (_?, nil): true
        case (nil, _?): false
        default: a < b
        }
    }
}
