import Foundation

/// Decides the attributes a hypothesis set keeps: measured ones from the texts (language, register of
/// English texts, length), and the model's proposals only when they are valid for their field and not an
/// echo of the prompt (a 135M model answers `language: Theperson`, `domain: The person's texts`). Every
/// value dropped is reported with the reason.
public struct AttributeValidator: Sendable {
    /// The instructions the model saw, without the person's texts: a proposal made of their words is an echo.
    public var promptText: String

    public init(promptText: String) {
        self.promptText = promptText
    }

    /// What ``check(_:texts:)`` decided.
    public struct Outcome: Sendable, Hashable {
        public var attributes: InferredAttributes
        /// `name: value` and why it was dropped, for ``InferenceReport/droppedAttributes``.
        public var dropped: [InferenceReport.Note]
    }

    /// Checks the model's `proposed` attributes against `texts`. Length and formatting habits in `proposed`
    /// are taken as measured (the inferencer measures them).
    public func check(_ proposed: InferredAttributes, texts: [String]) -> Outcome {
        var result = proposed
        var dropped: [InferenceReport.Note] = []
        func drop(_ name: AttributeName, _ value: String, _ reason: String) {
            dropped.append(.init(statement: "\(name.rawValue): \(value)", message: reason))
        }
        result.sources = [:]
        if result.typicalLengthWords != nil { result.sources[AttributeName.typicalLengthWords.rawValue] = .measured }
        if !result.formattingHabits.isEmpty { result.sources["formatting_habits"] = .measured }

        // Language: measured; a proposal survives only when nothing could be measured and it names a language.
        let measuredLanguage = LanguageDetector().detect(texts)
        let proposedLanguage = Self.clean(proposed.language)
        result.language = measuredLanguage
        if let measuredLanguage { result.sources[AttributeName.language.rawValue] = .measured }
        if let proposedLanguage, proposedLanguage.lowercased() != measuredLanguage?.lowercased() {
            if let reason = problem(proposedLanguage, for: .language) {
                drop(.language, proposedLanguage, reason)
            } else if let measuredLanguage {
                drop(.language, proposedLanguage, "the texts measure as \(measuredLanguage) (common function words)")
            } else {
                result.language = proposedLanguage
                result.sources[AttributeName.language.rawValue] = .inferred
            }
        }

        // Register: measured from markers for English texts; otherwise the model's, if it is a register.
        let markers = measuredLanguage == "English" ? RegisterMarkers(texts) : nil
        let proposedRegister = Self.clean(proposed.register)
        result.register = markers?.register
        if markers != nil { result.sources[AttributeName.register.rawValue] = .measured }
        if let proposedRegister, proposedRegister.lowercased() != markers?.register {
            if let reason = problem(proposedRegister, for: .register) {
                drop(.register, proposedRegister, reason)
            } else if let markers {
                drop(.register, proposedRegister, "the texts measure as \(markers.register) (\(markers.summary))")
            } else {
                result.register = proposedRegister.lowercased()
                result.sources[AttributeName.register.rawValue] = .inferred
            }
        }

        // Domain and audience: the model's alone, when they say something.
        for name in [AttributeName.domain, .audience] {
            let value = Self.clean(proposed[name])
            result.set(name, nil)
            guard let value else { continue }
            if let reason = problem(value, for: name) {
                drop(name, value, reason)
            } else {
                result.set(name, value)
                result.sources[name.rawValue] = .inferred
            }
        }
        return Outcome(attributes: result, dropped: dropped)
    }

    /// Why `value` is not a usable `name`, or nil when it is.
    public func problem(_ value: String, for name: AttributeName) -> String? {
        if name == .typicalLengthWords {
            return Int(value.trimmingCharacters(in: .whitespaces)).map { $0 > 0 } == true ? nil : "is not a positive number of words"
        }
        let letters = Self.letters(value)
        guard !letters.isEmpty else { return "has no letters" }
        if let fragment = Self.echoFragments.first(where: { letters.contains($0) }) {
            return "echoes the prompt ('\(fragment)' describes the task, not the person)"
        }
        let words = LanguageDetector.words(value)
        if !words.isEmpty, words.allSatisfy({ Self.emptyWords.contains($0) }) {
            return "says nothing about the person ('\(value)')"
        }
        if letters.count >= 6, promptLetters.contains(letters), !words.isEmpty {
            return "echoes the prompt (its words appear verbatim in the instructions)"
        }
        switch name {
        case .language:
            guard LanguageDetector.knownLanguages.contains(value.lowercased()) else {
                return "is not a language name"
            }
        case .register:
            guard AttributeName.registers.contains(value.lowercased()) else {
                return "is not a register (\(AttributeName.registers.joined(separator: ", ")))"
            }
        case .domain, .audience:
            guard value.count <= 80 else { return "is too long for a \(name.rawValue) (\(value.count) characters)" }
            let counts = Dictionary(words.map { ($0, 1) }, uniquingKeysWith: +)
            if let repeated = counts.first(where: { $0.value >= 3 && $0.key.count > 2 }) {
                return "repeats '\(repeated.key)' \(repeated.value) times"
            }
        case .typicalLengthWords:
            break  // checked above: a number has no letters
        }
        return nil
    }

    private var promptLetters: String {
        Self.letters(promptText.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: " ", options: .regularExpression))
    }

    /// Lowercased letters only: `The person's texts` → `thepersonstexts`, so `Theperson` matches too.
    static func letters(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
    }

    static func clean(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Words of the inference task itself: a value containing one describes the prompt, not the person.
    static let echoFragments = [
        "theperson", "thisperson", "thatperson", "persons", "thetext", "theirtext", "thesetext", "thewriter",
        "theauthor", "theuser", "thereader", "hypothes", "sentence", "category", "statement", "evidence", "json",
        "knownfact", "placeholder", "numbered",
    ]

    /// Words that fill a field without naming anything.
    static let emptyWords: Set<String> = [
        "they", "them", "their", "he", "she", "him", "her", "it", "you", "i", "we", "us", "person", "people", "someone",
        "somebody", "unknown", "none", "n/a", "na", "null", "nil", "various", "general", "other", "others", "text",
        "texts", "writing", "writer", "author", "reader", "readers", "everyone", "anyone", "the", "a", "an", "of", "and",
        "not", "specified", "applicable", "string", "value", "domain", "audience", "language", "register",
    ]
}
