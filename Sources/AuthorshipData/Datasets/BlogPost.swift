/// One row of `blog_authorship/posts.jsonl`.
struct BlogPost {
    var bloggerID: String
    var index: Int
    var text: String

    init(_ record: JSONRecord) throws(AuthorshipDataError) {
        bloggerID = try record.string("blogger_id")
        index = try record.int("post_index")
        text = try record.string("text", allowEmpty: true).trimmingWhitespace()
    }

    /// The words of the post.
    var wordCount: Int { text.split(whereSeparator: \.isWhitespace).count }

    /// The opening used as the prompt: the first sentence, extended sentence by sentence to at least
    /// `minimumWords` words, exactly as written (so the real output starts with it); nil when that leaves
    /// fewer than `minimumRest` words to write.
    func opening(minimumWords: Int = 8, minimumRest: Int = 20) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        for (i, word) in words.enumerated() where i + 1 >= minimumWords {
            let last = word.last ?? " "
            let quoted = word.hasSuffix(".\"") || word.hasSuffix("!\"") || word.hasSuffix("?\"")
            guard ".!?".contains(last) || quoted else { continue }
            guard words.count - (i + 1) >= minimumRest else { return nil }
            return String(text[text.startIndex..<word.endIndex])
        }
        return nil
    }
}
