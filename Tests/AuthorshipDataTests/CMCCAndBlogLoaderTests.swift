import AuthorshipData
import Testing

struct CMCCAndBlogLoaderTests {
    let loader = AuthorshipCorpusLoader(dataDirectory: SharedData.directory)

    @Test(.enabled(if: SharedData.has("cmcc/ditto_test.json"), Comment(rawValue: SharedData.skipMessage)))
    func loadsCMCCWithDittoPrompts() throws {
        let corpus = try loader.load(.cmcc)
        #expect(corpus.authors.count == 21)
        #expect(corpus.authors.first?.author == "S1")
        #expect(corpus.authors.last?.author == "S21")
        #expect(corpus.testItems.count == 51)
        let withParagraphs = corpus.authors.flatMap(\.trainingTextsAsWritten).filter { $0.contains("\n") }.count
        #expect(withParagraphs > 0)
        for author in corpus.authors {
            #expect(author.trainingTexts.count == 7)
            // As written: the raw source's line breaks, the same words as DITTO's output.
            #expect(author.trainingTextsAsWritten.count == 7)
            for (written, normalised) in zip(author.trainingTextsAsWritten, author.trainingTexts) {
                #expect(written.split(separator: "\n").joined(separator: " ") == normalised)
            }
            #expect((2...3).contains(author.testItems.count))
            #expect(Set(author.testItems.map(\.realOutput)).isDisjoint(with: author.trainingTexts + author.otherTexts))
            #expect(author.trainingTexts.count + author.testItems.count + author.validationItems.count + author.otherTexts.count == 12)
            for item in author.testItems {
                #expect(item.prompt.hasPrefix("Write an email response to a someone who asked you the following: ")
                    || item.prompt.hasPrefix("Write an approximately 500 word essay to the following prompt: "))
            }
        }
    }

    @Test(.enabled(if: SharedData.has("blog_authorship/posts.jsonl"), Comment(rawValue: SharedData.skipMessage)))
    func loadsBlogsWithOpeningPrompts() throws {
        let corpus = try loader.load(.blogs)
        #expect(corpus.authors.count >= 8)
        #expect(corpus.authors.map(\.author).contains("5114"))
        let prefix = "Write a blog post that starts with the following: "
        for author in corpus.authors {
            #expect(author.trainingTexts.count == 7)
            // As written: the raw source's line breaks, the same words as DITTO's output.
            #expect(author.trainingTextsAsWritten.count == 7)
            for (written, normalised) in zip(author.trainingTextsAsWritten, author.trainingTexts) {
                #expect(written.split(separator: "\n").joined(separator: " ") == normalised)
            }
            #expect((1...3).contains(author.testItems.count))
            for item in author.testItems {
                #expect(item.prompt.hasPrefix(prefix))
                let opening = item.prompt.dropFirst(prefix.count)
                #expect(item.realOutput.hasPrefix(opening))
                #expect(item.realOutput.count > opening.count + 20)
            }
            #expect(Set(author.testItems.map(\.realOutput)).isDisjoint(with: author.trainingTexts))
        }
        #expect(try loader.load(.blogs) == corpus)
    }
}
