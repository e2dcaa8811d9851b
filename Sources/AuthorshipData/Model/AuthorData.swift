/// Everything one author contributes to an evaluation.
///
/// Training texts feed hypothesis inference; test items are what systems are scored on; the other
/// texts (never a test output) serve as stylometric references and as impostors for other authors.
public struct AuthorData: Sendable, Hashable, Codable {
    public var author: String
    /// The few-shot texts (default 7), chosen deterministically, whitespace-normalised as the data set's
    /// test outputs are.
    public var trainingTexts: [String]
    /// The same texts with the author's line breaks and paragraphs, where the raw data has them: what a
    /// person would hand in, so layout habits (paragraphs, sign-off lines) can be measured on them.
    public var trainingTextsAsWritten: [String]
    /// Held-out prompts with the author's real outputs.
    public var testItems: [TestItem]
    /// Validation prompts and outputs (DITTO's val split where the data has one).
    public var validationItems: [TestItem]
    /// All other texts by the author: neither training texts nor test outputs.
    public var otherTexts: [String]

    public init(
        author: String, trainingTexts: [String], trainingTextsAsWritten: [String]? = nil, testItems: [TestItem],
        validationItems: [TestItem] = [], otherTexts: [String] = []
    ) {
        self.author = author
        self.trainingTexts = trainingTexts
        self.trainingTextsAsWritten = trainingTextsAsWritten ?? trainingTexts
        self.testItems = testItems
        self.validationItems = validationItems
        self.otherTexts = otherTexts
    }

    /// Texts safe to use as the author's stylometric reference or as impostor material:
    /// training texts, validation outputs and other texts (never test outputs).
    public var referenceTexts: [String] {
        trainingTexts + validationItems.map(\.realOutput) + otherTexts
    }
}
