/// Everything one author contributes to an evaluation.
///
/// Training texts feed hypothesis inference; test items are what systems are scored on; the other
/// texts (never a test output) serve as stylometric references and as impostors for other authors.
public struct AuthorData: Sendable, Hashable, Codable {
    public var author: String
    /// The few-shot texts (default 7), chosen deterministically.
    public var trainingTexts: [String]
    /// Held-out prompts with the author's real outputs.
    public var testItems: [TestItem]
    /// Validation prompts and outputs (DITTO's val split where the data has one).
    public var validationItems: [TestItem]
    /// All other texts by the author: neither training texts nor test outputs.
    public var otherTexts: [String]

    public init(
        author: String, trainingTexts: [String], testItems: [TestItem],
        validationItems: [TestItem] = [], otherTexts: [String] = []
    ) {
        self.author = author
        self.trainingTexts = trainingTexts
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
