/// Facts about a person's writing that a generation prompt needs besides the hypotheses.
///
/// The typical length is measured from the texts, not taken from the model: measurement is right even
/// when the model is tiny.
public struct InferredAttributes: Sendable, Hashable, Codable {
    public var typicalLengthWords: Int?
    public var register: String?
    public var domain: String?
    public var audience: String?
    public var language: String?
    public var formattingHabits: [String]

    public init(
        typicalLengthWords: Int? = nil, register: String? = nil, domain: String? = nil, audience: String? = nil,
        language: String? = nil, formattingHabits: [String] = []
    ) {
        self.typicalLengthWords = typicalLengthWords
        self.register = register
        self.domain = domain
        self.audience = audience
        self.language = language
        self.formattingHabits = formattingHabits
    }

    /// Name/value lines for prompts and display, skipping what is unknown.
    public var lines: [(name: String, value: String)] {
        var lines: [(String, String)] = []
        if let typicalLengthWords { lines.append(("typical length", "about \(typicalLengthWords) words")) }
        if let register { lines.append(("register", register)) }
        if let domain { lines.append(("domain", domain)) }
        if let audience { lines.append(("audience", audience)) }
        if let language { lines.append(("language", language)) }
        if !formattingHabits.isEmpty { lines.append(("formatting", formattingHabits.joined(separator: "; "))) }
        return lines
    }
}
