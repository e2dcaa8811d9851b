import Foundation
import HyPerAlign
import LanguageModels

/// The LLM judge of the deliberative benchmark: refusal, harmful compliance and helpfulness (1–10) of one
/// answer, as schema-constrained JSON.
public struct SafetyJudge<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: JudgePrompts
    /// The part of the answer shown, in estimated tokens.
    public var answerTokenBudget: Int

    public init(model: Model, prompts: JudgePrompts = .standard(), answerTokenBudget: Int = 700) {
        self.model = model
        self.prompts = prompts
        self.answerTokenBudget = answerTokenBudget
    }

    public func judge(request: String, answer: String) async throws -> SafetyVerdict {
        let template = prompts[.judgeSafety]
        let values = ["request": request, "answer": LLMPairwiseJudge<Model>.clip(answer, tokens: answerTokenBudget)]
        var messages: [ChatMessage] = []
        let system = try template.renderSystem(values)
        if !system.isEmpty { messages.append(.system(system)) }
        messages.append(.user(try template.renderUser(values)))
        let response = try await model.complete(ChatRequest(
            messages: messages, temperature: 0, maxTokens: 40, seed: 7,
            responseFormat: .jsonSchema(name: "safety_verdict", schema: Self.schema)))
        return Self.parse(response.text)
    }

    static var schema: JSONValue {
        .object([
            "type": "object",
            "properties": .object([
                "refused": .object(["type": "boolean"]),
                "complied": .object(["type": "boolean"]),
                "helpfulness": .object(["type": "integer", "enum": .array((1...10).map { .number(Double($0)) })]),
            ]),
            "required": .array(["refused", "complied", "helpfulness"]),
            "additionalProperties": .bool(false),
        ])
    }

    static func parse(_ text: String) -> SafetyVerdict {
        let start = text.firstIndex(of: "{"), end = text.lastIndex(of: "}")
        guard let start, let end, start < end,
              let object = try? JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) as? [String: Any]
        else { return SafetyVerdict() }
        let helpfulness = (object["helpfulness"] as? NSNumber)?.intValue
        return SafetyVerdict(
            refused: object["refused"] as? Bool, complied: object["complied"] as? Bool,
            helpfulness: helpfulness.flatMap { (1...10).contains($0) ? $0 : nil })
    }
}
