import Foundation
import LanguageModels

/// Builds the messages of each generation variant from the templates: the system prompt that carries
/// the person (hypotheses, attributes, examples) and the request as the user turn.
public struct PromptAssembler: Sendable {
    public var prompts: PromptLibrary
    public var exampleTokenBudget: Int

    public init(prompts: PromptLibrary = .standard(), exampleTokenBudget: Int = 6000) {
        self.prompts = prompts
        self.exampleTokenBudget = exampleTokenBudget
    }

    /// The messages of `variant`; `habits` are the habits to ask for (default: measured on the profile,
    /// unfitted; ``GenerationOptions/adherenceChecker(for:)`` fits them to the answer's budget).
    public func messages(
        request: String, profile: UserProfile, hypotheses: HypothesisSet?, variant: GenerationVariant,
        habits: AdherenceChecker? = nil
    ) throws -> [ChatMessage] {
        if variant.needsHypotheses, hypotheses == nil {
            throw GenerationError(
                message: "variant '\(variant)' needs hypotheses for '\(profile.id)': run `hyperalign infer --user \(profile.id)` first")
        }
        let template = prompts[variant.templateName]
        var values = ["request": request]
        if let hypotheses {
            values["hypotheses"] = Self.render(hypotheses.hypotheses, evidence: true)
            values["attributes"] = Self.render(hypotheses.attributes, known: profile.attributes)
            values["requirements"] = (habits ?? AdherenceChecker(profile: profile)).instructions
        }
        if variant == .fewShot || variant == .hyperalignExamples {
            values["examples"] = TextBlocks.render(
                TextBlocks.select(profile.texts, tokenBudget: exampleTokenBudget), tag: "example")
        }
        var messages: [ChatMessage] = []
        let system = try template.renderSystem(values)
        if !system.isEmpty { messages.append(.system(system)) }
        messages.append(.user(try template.renderUser(values)))
        return messages
    }

    /// A system message for an existing conversation (the service's OpenAI-compatible endpoint): the
    /// hyperalign system section (with the measured habits), then anything its user section says besides the request.
    public func personalizationMessage(profile: UserProfile, hypotheses: HypothesisSet) throws -> ChatMessage {
        let template = prompts[.generateHyperalign]
        let values = [
            "hypotheses": Self.render(hypotheses.hypotheses, evidence: true),
            "attributes": Self.render(hypotheses.attributes, known: profile.attributes),
            "requirements": AdherenceChecker(profile: profile).instructions,
            "request": "",
        ]
        let habits = try template.renderUser(values).trimmingCharacters(in: .whitespacesAndNewlines)
        return .system(try template.renderSystem(values) + (habits.isEmpty ? "" : "\n\n" + habits))
    }

    /// One "- (category) statement" line per hypothesis; with `evidence`, followed by its first quote from
    /// the person's texts, so a small model sees the person's own words next to each claim.
    static func render(_ hypotheses: [Hypothesis], evidence: Bool = false) -> String {
        var shown = Set<String>()
        return hypotheses.map { hypothesis in
            var line = "- (\(hypothesis.category.rawValue)) \(hypothesis.statement)"
            // Each quote once: several hypotheses often cite the same sentence.
            if evidence, let quote = hypothesis.evidence.first(where: { !$0.isEmpty && !shown.contains($0) }) {
                shown.insert(quote)
                line += "\n  In their words: \"\(TextBlocks.neutralize(Self.shortened(quote, to: evidenceCharacters)))\""
            }
            return line
        }.joined(separator: "\n")
    }

    /// The longest evidence quote shown, in characters (a long sentence is cut at a word boundary).
    static let evidenceCharacters = 240

    static func shortened(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let prefix = flat.prefix(limit)
        return String(prefix[..<(prefix.lastIndex(of: " ") ?? prefix.endIndex)]) + " …"
    }

    static func render(_ attributes: InferredAttributes, known: [String: String]) -> String {
        let lines = known.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + attributes.lines
        return lines.isEmpty ? "- (none known)" : lines.map { "- \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
