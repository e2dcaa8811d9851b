import Foundation
import HyPerAlign
import LanguageModels
import Statistics

/// The LLM pairwise judge: shows the author's real texts and two candidates and asks which one the
/// author more likely wrote — in both orders; a disagreement between the orders is a tie (SPEC 2.1).
///
/// Asking twice cancels the position bias that small models have (always "A"): such a judge yields ties,
/// and its ground-truth accuracy near 0.5 says so.
public struct LLMPairwiseJudge<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: JudgePrompts
    public var referenceTokenBudget: Int
    public var candidateTokenBudget: Int

    public init(model: Model, prompts: JudgePrompts = .standard(), referenceTokenBudget: Int = 3000, candidateTokenBudget: Int = 900) {
        self.model = model
        self.prompts = prompts
        self.referenceTokenBudget = referenceTokenBudget
        self.candidateTokenBudget = candidateTokenBudget
    }

    /// The outcome for `candidate` against `opponent`, with what the judge said in each order.
    public func compare(_ candidate: String, against opponent: String, references: [String]) async throws -> (outcome: PairwiseOutcome, detail: String) {
        let first = try await ask(references: references, a: candidate, b: opponent)
        let second = try await ask(references: references, a: opponent, b: candidate)
        // From the candidate's side: first order A = candidate, second order B = candidate.
        let candidateFirst = first.map { $0 == "A" }
        let candidateSecond = second.map { $0 == "B" }
        let outcome: PairwiseOutcome
        switch (candidateFirst, candidateSecond) {
        case (true?, true?): outcome = .win
        case (false?, false?): outcome = .loss
        default: outcome = .tie
        }
        let detail = "candidate as A: \(first ?? "unreadable"); candidate as B: \(second ?? "unreadable")"
        return (outcome, detail)
    }

    /// One question; "A", "B" or nil when the answer names neither.
    func ask(references: [String], a: String, b: String) async throws -> String? {
        let template = prompts[.judgeAuthorship]
        let texts = references.enumerated().map { UserText(id: "\($0.offset)", text: $0.element) }
        let values = [
            "references": TextBlocks.render(TextBlocks.select(texts, tokenBudget: referenceTokenBudget), tag: "text"),
            "candidate_a": Self.clip(a, tokens: candidateTokenBudget),
            "candidate_b": Self.clip(b, tokens: candidateTokenBudget),
        ]
        var messages: [ChatMessage] = []
        let system = try template.renderSystem(values)
        if !system.isEmpty { messages.append(.system(system)) }
        messages.append(.user(try template.renderUser(values)))
        let request = ChatRequest(
            messages: messages, temperature: 0, maxTokens: 16, seed: 7,
            responseFormat: .jsonSchema(name: "authorship_verdict", schema: Self.schema))
        return AnswerLetter.parse(try await model.complete(request).text, choices: ["A", "B"])
    }

    static var schema: JSONValue {
        .object([
            "type": "object",
            "properties": .object(["answer": .object(["type": "string", "enum": .array(["A", "B"])])]),
            "required": .array(["answer"]),
            "additionalProperties": .bool(false),
        ])
    }

    /// A candidate cut at a word boundary to about `tokens` tokens, with `<`/`>` of tags neutralised.
    static func clip(_ text: String, tokens: Int) -> String {
        let cleaned = text.replacingOccurrences(of: "</", with: "‹/").replacingOccurrences(of: "<candidate", with: "‹candidate")
        guard TextBlocks.estimatedTokens(cleaned) > tokens else { return cleaned }
        let prefix = cleaned.prefix(tokens * 4)
        return String(prefix[..<(prefix.lastIndex(of: " ") ?? prefix.endIndex)]) + " […]"
    }
}
