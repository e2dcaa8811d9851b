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

    public func messages(
        request: String, profile: UserProfile, hypotheses: HypothesisSet?, variant: GenerationVariant
    ) throws -> [ChatMessage] {
        if variant.needsHypotheses, hypotheses == nil {
            throw GenerationError(
                message: "variant '\(variant)' needs hypotheses for '\(profile.id)': run `hyperalign infer --user \(profile.id)` first")
        }
        let template = prompts[variant.templateName]
        var values = ["request": request]
        if let hypotheses {
            values["hypotheses"] = Self.render(hypotheses.hypotheses)
            values["attributes"] = Self.render(hypotheses.attributes, known: profile.attributes)
            values["requirements"] = AdherenceChecker(profile: profile).instructions
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
    /// hyperalign system section, then its user section without a request (the measured habits).
    public func personalizationMessage(profile: UserProfile, hypotheses: HypothesisSet) throws -> ChatMessage {
        let template = prompts[.generateHyperalign]
        let values = [
            "hypotheses": Self.render(hypotheses.hypotheses),
            "attributes": Self.render(hypotheses.attributes, known: profile.attributes),
            "requirements": AdherenceChecker(profile: profile).instructions,
            "request": "",
        ]
        let habits = try template.renderUser(values).trimmingCharacters(in: .whitespacesAndNewlines)
        return .system(try template.renderSystem(values) + (habits.isEmpty ? "" : "\n\n" + habits))
    }

    static func render(_ hypotheses: [Hypothesis]) -> String {
        hypotheses.map { "- (\($0.category.rawValue)) \($0.statement)" }.joined(separator: "\n")
    }

    static func render(_ attributes: InferredAttributes, known: [String: String]) -> String {
        let lines = known.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + attributes.lines
        return lines.isEmpty ? "- (none known)" : lines.map { "- \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
