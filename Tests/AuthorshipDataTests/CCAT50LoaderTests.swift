import AuthorshipData
import Testing

@Suite(.enabled(if: SharedData.has("ccat50/c50train.jsonl"), Comment(rawValue: SharedData.skipMessage)))
struct CCAT50LoaderTests {
    let loader = AuthorshipCorpusLoader(dataDirectory: SharedData.directory)
    /// Loaded once for the suite (loading is the slow part in debug builds).
    static let defaultLoad = Result { () throws(AuthorshipDataError) in
        try AuthorshipCorpusLoader(dataDirectory: SharedData.directory).load(.ccat50)
    }

    @Test func loadsFortyFiveAuthorsWithDittoSplits() throws {
        let corpus = try Self.defaultLoad.get()
        #expect(corpus.dataset == .ccat50)
        #expect(corpus.authors.count == 45)
        #expect(corpus.authors.map(\.author) == corpus.authors.map(\.author).sorted())
        for author in corpus.authors {
            #expect(author.trainingTexts.count == 7)
            #expect(author.testItems.count == 3)
            #expect(author.validationItems.count == 3)
            #expect(author.otherTexts.count == 100 - 7 - 3 - 3 || author.otherTexts.count == 100 - 7 - 3 - 4)
            for item in author.testItems {
                #expect(item.prompt.hasPrefix("Write an article that starts with the following: "))
                #expect(item.id.hasPrefix("ccat50/test/\(author.author)/"))
                let opening = item.prompt.dropFirst("Write an article that starts with the following: ".count)
                // DITTO's prompts keep the raw first sentence's spacing; outputs are whitespace-normalised.
                let normalized = opening.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(item.realOutput.hasPrefix(normalized))
            }
            let heldOut = Set(author.testItems.map(\.realOutput) + author.validationItems.map(\.realOutput))
            #expect(heldOut.isDisjoint(with: author.trainingTexts))
            #expect(heldOut.isDisjoint(with: author.otherTexts))
        }
    }

    @Test func trainingTextsAreNormalisedLikeDitto() throws {
        let author = try #require(try Self.defaultLoad.get().author(named: "AaronPressman"))
        for text in author.trainingTexts {
            #expect(!text.contains("\r") && !text.contains("\n") && !text.contains("  "))
        }
    }

    @Test func trainingTextsAreAlsoKeptAsWrittenWithTheirParagraphs() throws {
        let author = try #require(try Self.defaultLoad.get().author(named: "AaronPressman"))
        #expect(author.trainingTextsAsWritten.count == author.trainingTexts.count)
        for (written, normalised) in zip(author.trainingTextsAsWritten, author.trainingTexts) {
            #expect(written.contains("\n") && !written.contains("\r"))
            #expect(written.split(separator: "\n").joined(separator: " ") == normalised)
        }
    }

    @Test func selectionIsDeterministicAndSized() throws {
        let a = try loader.load(.ccat50, trainingTextsPerAuthor: 3)
        let b = try loader.load(.ccat50, trainingTextsPerAuthor: 3)
        #expect(a == b)
        #expect(a.authors.allSatisfy { $0.trainingTexts.count == 3 })
        let seven = try Self.defaultLoad.get()
        #expect(zip(a.authors, seven.authors).allSatisfy { Array($1.trainingTexts.prefix(3)) == $0.trainingTexts })
    }
}
