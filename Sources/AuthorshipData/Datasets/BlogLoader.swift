import Statistics

/// Loads blog posts: bloggers with enough usable posts, split by a seeded shuffle per blogger.
///
/// The corpus has no DITTO split, so ours is deterministic and documented: usable posts (≥ 40 words, with
/// an opening that leaves ≥ 20 words to write) are shuffled with a seed derived from the blogger id; the
/// first N are training texts, the next up to 3 test items, the next up to 3 validation items. Prompts use
/// DITTO's template: "Write a blog post that starts with the following: <opening>".
struct BlogLoader {
    let reader: DataFileReader
    static let testItemsPerAuthor = 3
    static let minimumWords = 40
    static let promptPrefix = "Write a blog post that starts with the following: "

    func load(trainingTextsPerAuthor: Int) throws(AuthorshipDataError) -> AuthorshipCorpus {
        var posts: [String: [BlogPost]] = [:]
        for record in try reader.jsonLines("\(AuthorshipDataset.blogs.folderName)/posts.jsonl") {
            let post = try BlogPost(record)
            posts[post.bloggerID, default: []].append(post)
        }
        let ids = posts.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
        let authors = ids.compactMap { id in
            author(id, posts[id]!.sorted { $0.index < $1.index }, trainingTextsPerAuthor)
        }
        return AuthorshipCorpus(dataset: .blogs, authors: authors)
    }

    func author(_ id: String, _ posts: [BlogPost], _ count: Int) -> AuthorData? {
        var usable = posts.filter { $0.wordCount >= Self.minimumWords && $0.opening() != nil }
        guard usable.count > count else { return nil }
        var generator = SeededGenerator(seed: Self.seed(for: id))
        usable.shuffle(using: &generator)
        let training = usable.prefix(count)
        let test = usable.dropFirst(count).prefix(Self.testItemsPerAuthor)
        let validation = usable.dropFirst(count + test.count).prefix(Self.testItemsPerAuthor)
        let used = Set((training + test + validation).map(\.index))
        func item(_ post: BlogPost, _ split: String) -> TestItem {
            TestItem(id: "blogs/\(split)/\(id)/\(post.index)", prompt: Self.promptPrefix + post.opening()!, realOutput: post.text)
        }
        return AuthorData(
            author: id,
            trainingTexts: training.map(\.text),
            testItems: test.map { item($0, "test") },
            validationItems: validation.map { item($0, "val") },
            otherTexts: posts.filter { !used.contains($0.index) && !$0.text.isEmpty }.map(\.text)
        )
    }

    /// FNV-1a of the blogger id: stable across runs and platforms (unlike `Hasher`).
    static func seed(for id: String) -> UInt64 {
        id.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
