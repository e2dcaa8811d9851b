import Foundation
import HyPerAlign

/// What the person's page shows, made from their profile and hypothesis set: every value is plain text,
/// escaped by the template.
public struct PersonPageModel: Sendable {
    public struct Option: Sendable, Hashable {
        var value: String
        var label: String
        var selected: Bool
    }

    public struct Evidence: Sendable, Hashable {
        var quote: String
        /// The number of the text it was found in (0: not found in any text).
        var textNumber: Int
        var found: Bool
    }

    public struct HypothesisView: Sendable, Hashable {
        var id: String
        var statement: String
        var origin: String
        var originLabel: String
        var evidence: [Evidence]
        var hasEvidence: Bool
        var categories: [Option]
    }

    public struct CategorySection: Sendable, Hashable {
        var name: String
        var title: String
        var about: String
        var hypotheses: [HypothesisView]
        var isEmpty: Bool
    }

    public struct AttributeView: Sendable, Hashable {
        var name: String
        var label: String
        var value: String
        var hasValue: Bool
        var source: String
        var sourceLabel: String
        var isRegister: Bool
        var registers: [Option]
    }

    public struct Run: Sendable, Hashable {
        var text: String
        var marked: Bool
    }

    public struct TextView: Sendable, Hashable {
        var number: Int
        var prompt: String
        var hasPrompt: Bool
        var runs: [Run]
        var words: Int
    }

    var title: String
    var person: String
    var basePath: String
    var csrf: String
    var notice: String
    var hasNotice: Bool
    var expires: String
    var sections: [CategorySection]
    var hypothesisCount: Int
    var attributes: [AttributeView]
    var habits: [String]
    var hasHabits: Bool
    var knownFacts: [Option]
    var hasKnownFacts: Bool
    var texts: [TextView]
    var textCount: Int
    var provenance: String
    var stale: Bool
    var categories: [Option]

    /// - Parameters:
    ///   - basePath: the page's path (`/me/TOKEN`); forms post below it.
    ///   - csrf: the form token every POST must carry.
    ///   - notice: what the last action did, shown once ("" for none).
    ///   - expires: when the link stops working.
    public init(
        profile: UserProfile, set: HypothesisSet?, basePath: String, csrf: String, notice: String = "", expires: Date
    ) {
        person = profile.id
        title = "What HyPerAlign holds about \(profile.id)"
        self.basePath = basePath
        self.csrf = csrf
        self.notice = notice
        hasNotice = !notice.isEmpty
        self.expires = Self.format(expires)
        let hypotheses = set?.hypotheses ?? []
        hypothesisCount = hypotheses.count
        let texts = profile.texts
        sections = Hypothesis.Category.allCases.map { category in
            let views = hypotheses.filter { $0.category == category }.map { hypothesis in
                let evidence = hypothesis.evidence.map { quote in
                    let index = texts.firstIndex { HighlightedText.contains($0.text, quote: quote) }
                    return Evidence(quote: quote, textNumber: index.map { $0 + 1 } ?? 0, found: index != nil)
                }
                return HypothesisView(
                    id: hypothesis.id, statement: hypothesis.statement, origin: hypothesis.origin.rawValue,
                    originLabel: Self.label(hypothesis.origin), evidence: evidence, hasEvidence: !evidence.isEmpty,
                    categories: Self.categoryOptions(selected: hypothesis.category))
            }
            return CategorySection(
                name: category.rawValue, title: Self.title(category), about: Self.about(category), hypotheses: views,
                isEmpty: views.isEmpty)
        }
        let attributes = set?.attributes ?? InferredAttributes()
        self.attributes = AttributeName.allCases.map { name in
            let value = attributes[name] ?? ""
            let source = attributes.source(of: name)
            return AttributeView(
                name: name.rawValue, label: name.label, value: value, hasValue: !value.isEmpty,
                source: source?.rawValue ?? "none", sourceLabel: Self.label(source, hasValue: !value.isEmpty),
                isRegister: name == .register,
                registers: AttributeName.registers.map { Option(value: $0, label: $0, selected: $0 == value) })
        }
        habits = attributes.formattingHabits
        hasHabits = !habits.isEmpty
        knownFacts = profile.attributes.sorted { $0.key < $1.key }.map { Option(value: $0.value, label: $0.key, selected: false) }
        hasKnownFacts = !knownFacts.isEmpty
        let quotes = hypotheses.flatMap(\.evidence)
        self.texts = texts.enumerated().map { index, text in
            TextView(
                number: index + 1, prompt: text.prompt ?? "", hasPrompt: !(text.prompt ?? "").isEmpty,
                runs: HighlightedText(text.text, quotes: quotes).runs.map { Run(text: $0.text, marked: $0.marked) },
                words: text.wordCount)
        }
        textCount = texts.count
        if let set, !set.provenance.isPersonWritten {
            provenance = "Inferred by the model \(set.provenance.model) (\(set.provenance.promptVersion)) on "
                + "\(Self.format(set.provenance.createdAt)) from \(set.provenance.textCount) of your texts."
            stale = set.isStale(for: profile)
        } else {
            provenance = "Nothing has been inferred about you yet: everything here is what you wrote."
            stale = false
        }
        categories = Self.categoryOptions(selected: nil)
    }

    static func categoryOptions(selected: Hypothesis.Category?) -> [Option] {
        Hypothesis.Category.allCases.map { Option(value: $0.rawValue, label: title($0), selected: $0 == selected) }
    }

    static func title(_ category: Hypothesis.Category) -> String {
        switch category {
        case .communication: "How you communicate"
        case .personality: "Who you seem to be"
        case .style: "How you write"
        }
    }

    static func about(_ category: Hypothesis.Category) -> String {
        switch category {
        case .communication: "How you address people, open, close and structure a message."
        case .personality: "Traits and values your texts suggest."
        case .style: "Sentences, words, punctuation and formatting."
        }
    }

    static func label(_ origin: Hypothesis.Origin) -> String {
        switch origin {
        case .inferred: "inferred by the model"
        case .edited: "edited by you"
        case .added: "added by you"
        }
    }

    static func label(_ source: AttributeSource?, hasValue: Bool) -> String {
        switch source {
        case .measured: "measured from your texts"
        case .inferred: "inferred by the model"
        case .person: hasValue ? "set by you" : "cleared by you"
        case nil: hasValue ? "" : "not known"
        }
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy, HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
