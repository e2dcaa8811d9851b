import AuthorshipData
import Testing

struct PromptSplitTests {
    let corpus = AuthorshipCorpus(dataset: .ccat50, authors: [
        AuthorData(
            author: "ann", trainingTexts: ["t1", "t2"],
            testItems: [TestItem(id: "test/1", prompt: "Write test one.", realOutput: "test answer")],
            validationItems: [TestItem(id: "val/1", prompt: "Write val one.", realOutput: "val answer")],
            otherTexts: ["other"]),
    ])

    @Test func theTestSplitIsTheCorpusAsLoaded() {
        #expect(PromptSplit.test.prompts(of: corpus) == corpus)
    }

    /// Answering the validation prompts reads nothing of the test split, and no reference holds an answer.
    @Test func theValidationSplitAnswersValidationPromptsAndKeepsTheirAnswersOutOfTheReferences() throws {
        let author = try #require(PromptSplit.validation.prompts(of: corpus).authors.first)
        #expect(author.testItems.map(\.id) == ["val/1"])
        #expect(author.validationItems.isEmpty)
        #expect(!author.referenceTexts.contains("val answer"))
        #expect(!author.referenceTexts.contains("test answer"))
        #expect(author.trainingTexts == ["t1", "t2"] && author.otherTexts == ["other"])
    }
}
