/// Facts about a person's writing that a generation prompt needs besides the hypotheses.
///
/// Whatever can be measured from the texts (length, language, register, formatting) is measured, not taken
/// from the model: measurement is right even when the model is tiny. ``sources`` says who set each value.
public struct InferredAttributes: Sendable, Hashable, Codable {
    public var typicalLengthWords: Int?
    public var register: String?
    public var domain: String?
    public var audience: String?
    public var language: String?
    public var formattingHabits: [String]
    /// Who set each attribute, by ``AttributeName`` raw value (`formatting_habits` for the habits).
    public var sources: [String: AttributeSource]

    public init(
        typicalLengthWords: Int? = nil, register: String? = nil, domain: String? = nil, audience: String? = nil,
        language: String? = nil, formattingHabits: [String] = [], sources: [String: AttributeSource] = [:]
    ) {
        self.typicalLengthWords = typicalLengthWords
        self.register = register
        self.domain = domain
        self.audience = audience
        self.language = language
        self.formattingHabits = formattingHabits
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case typicalLengthWords, register, domain, audience, language, formattingHabits, sources
    }

    /// Reads sets stored before ``sources`` existed (they have none).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        typicalLengthWords = try container.decodeIfPresent(Int.self, forKey: .typicalLengthWords)
        register = try container.decodeIfPresent(String.self, forKey: .register)
        domain = try container.decodeIfPresent(String.self, forKey: .domain)
        audience = try container.decodeIfPresent(String.self, forKey: .audience)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        formattingHabits = try container.decodeIfPresent([String].self, forKey: .formattingHabits) ?? []
        sources = try container.decodeIfPresent([String: AttributeSource].self, forKey: .sources) ?? [:]
    }

    /// The value of one attribute as text (nil when unknown).
    public subscript(name: AttributeName) -> String? {
        get {
            switch name {
            case .language: language
            case .register: register
            case .domain: domain
            case .audience: audience
            case .typicalLengthWords: typicalLengthWords.map(String.init)
            }
        }
    }

    /// Sets one attribute from text (already checked, see ``HypothesisEdit/setAttribute(name:value:)``).
    mutating func set(_ name: AttributeName, _ value: String?) {
        switch name {
        case .language: language = value
        case .register: register = value
        case .domain: domain = value
        case .audience: audience = value
        case .typicalLengthWords: typicalLengthWords = value.flatMap { Int($0) }
        }
    }

    /// Who set `name`, when known.
    public func source(of name: AttributeName) -> AttributeSource? { sources[name.rawValue] }

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
