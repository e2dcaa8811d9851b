import Foundation
import LanguageModels
import Stylometry

/// Hypothesis refinement (SPEC 1.4): infer on part of a person's texts, then check every hypothesis on the
/// texts held out — measured ones by re-measuring their statistic, the model's ones by asking the model —
/// and keep, revise or drop each, recording why.
///
/// ```swift
/// let (set, report) = try await HypothesisRefiner(model: model, baselineTexts: corpus).refine(profile)
/// ```
public struct HypothesisRefiner<Model: ChatModel>: Sendable {
    public var model: Model
    public var prompts: PromptLibrary
    public var inference: InferenceConfiguration
    /// Texts of other people, the baseline measured hypotheses are compared with.
    public var baselineTexts: [String]
    /// Every `heldOutEvery`-th text is held out (at least one).
    public var heldOutEvery: Int
    /// Relative tolerance of a measured statistic between the two parts.
    public var tolerance: Double

    public init(
        model: Model, prompts: PromptLibrary = .standard(), inference: InferenceConfiguration = .init(),
        baselineTexts: [String], heldOutEvery: Int = 3, tolerance: Double = 0.5
    ) {
        self.model = model
        self.prompts = prompts
        self.inference = inference
        self.baselineTexts = baselineTexts
        self.heldOutEvery = heldOutEvery
        self.tolerance = tolerance
    }

    /// Splits the texts deterministically: (inference part, held-out part).
    public func split(_ texts: [UserText]) throws(RefinementError) -> ([UserText], [UserText]) {
        guard texts.count >= 2 else { throw RefinementError("refinement needs at least 2 texts (one is held out); got \(texts.count)") }
        let every = max(2, heldOutEvery)
        var train: [UserText] = [], held: [UserText] = []
        for (index, text) in texts.enumerated() {
            if index % every == every - 1 { held.append(text) } else { train.append(text) }
        }
        if held.isEmpty, let last = train.popLast() { held.append(last) }
        return (train, held)
    }

    /// Infers on the inference part and checks on the held-out part; the returned set keeps the survivors.
    public func refine(_ profile: UserProfile) async throws -> (set: HypothesisSet, report: RefinementReport) {
        let (train, held) = try split(profile.texts)
        var inferenceProfile = profile
        inferenceProfile.texts = train
        let inferred = try await HypothesisInferencer(model: model, prompts: prompts, configuration: inference).infer(inferenceProfile).set
        let measured = checkMeasured(train: train.map(\.text), held: held.map(\.text), all: profile.texts.map(\.text))
        let verdicts = try await checkInferred(inferred.hypotheses, held: held)
        var decisions = measured
        var survivors: [Hypothesis] = []
        for hypothesis in inferred.hypotheses {
            let (verdict, reason) = verdicts[hypothesis.id] ?? (.notShown, "the model gave no verdict")
            let outcome: RefinementDecision.Outcome = switch verdict {
            case .holds: .kept
            case .contradicted: .dropped
            case .notShown: .unconfirmed
            }
            decisions.append(RefinementDecision(kind: .llm, statement: hypothesis.statement, outcome: outcome, reason: "\(verdict.rawValue): \(reason)"))
            if outcome != .dropped { survivors.append(hypothesis) }
        }
        // Measured hypotheses that survived join the set generation uses (restated ones in their new words).
        var seen = Set(survivors.map { StatementKey.normalize($0.statement) })
        for decision in measured where decision.survives {
            let statement = decision.revised ?? decision.statement
            guard seen.insert(StatementKey.normalize(statement)).inserted else { continue }
            survivors.append(Hypothesis(category: .style, statement: statement))
        }
        var set = inferred
        set.hypotheses = survivors
        // The set describes all of the profile's texts (inferred on part, checked on the rest), so its
        // hash covers all of them: a stored refined set is not stale the moment it is saved.
        set.provenance.textsHash = profile.textsHash
        set.provenance.textCount = profile.texts.count
        return (set, RefinementReport(inferenceTexts: train.count, heldOutTexts: held.count, decisions: decisions))
    }

    /// Measured hypotheses of the inference part, each re-measured on the held-out part.
    func checkMeasured(train: [String], held: [String], all: [String]) -> [RefinementDecision] {
        let miner = MeasuredHypothesisMiner()
        let featurizer = miner.featurizer
        let baseline = featurizer.features(of: baselineTexts)
        let found = miner.hypotheses(user: featurizer.features(of: train), baseline: baseline)
        let overall = miner.hypotheses(user: featurizer.features(of: all), baseline: baseline)
        let heldFeatures = featurizer.features(of: held)
        return found.map { hypothesis in
            let check = hypothesis.check(on: heldFeatures, tolerance: tolerance)
            if check.holds {
                return RefinementDecision(kind: .measured, statement: hypothesis.statement, outcome: .kept, reason: check.reason)
            }
            // Only a contradiction drops: the held-out texts are on the other side of the baseline.
            if check.reason.hasPrefix("reversed") {
                return RefinementDecision(
                    kind: .measured, statement: hypothesis.statement, outcome: .dropped, reason: "contradicted: \(check.reason)")
            }
            if let restated = overall.first(where: { $0.statistic == hypothesis.statistic }) {
                return RefinementDecision(
                    kind: .measured, statement: hypothesis.statement, outcome: .revised, revised: restated.statement,
                    reason: "\(check.reason); restated from all texts")
            }
            return RefinementDecision(
                kind: .measured, statement: hypothesis.statement, outcome: .unconfirmed,
                reason: "\(check.reason); not found on all texts either, kept unconfirmed")
        }
    }

    /// One model call: a verdict per hypothesis on the held-out texts (schema-constrained).
    func checkInferred(_ hypotheses: [Hypothesis], held: [UserText]) async throws -> [String: (HeldOutVerdict, String)] {
        guard !hypotheses.isEmpty else { return [:] }
        let template = prompts[.checkHypotheses]
        let values = [
            "hypotheses": hypotheses.map { "- [\($0.id)] \($0.statement)" }.joined(separator: "\n"),
            "texts": TextBlocks.render(TextBlocks.select(held, tokenBudget: inference.textTokenBudget), tag: "text"),
        ]
        var messages: [ChatMessage] = []
        let system = try template.renderSystem(values)
        if !system.isEmpty { messages.append(.system(system)) }
        messages.append(.user(try template.renderUser(values)))
        let schema = Self.checkSchema(ids: hypotheses.map(\.id))
        let response = try await model.complete(ChatRequest(
            messages: messages, temperature: 0, maxTokens: 120 + 80 * hypotheses.count, seed: inference.seed,
            responseFormat: .jsonSchema(name: "hypothesis_checks", schema: schema)))
        var result: [String: (HeldOutVerdict, String)] = [:]
        let text = response.text
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end,
              let object = try? JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) as? [String: Any],
              let items = object["verdicts"] as? [[String: Any]] else { return result }
        for item in items {
            guard let id = item["id"] as? String, let raw = item["verdict"] as? String, let verdict = HeldOutVerdict(rawValue: raw),
                  result[id] == nil else { continue }
            result[id] = (verdict, (item["reason"] as? String) ?? "")
        }
        return result
    }

    /// One verdict per hypothesis id; valid under OpenAI's strict rules (every object closed, every
    /// property required) and llama.cpp's grammar alike.
    static func checkSchema(ids: [String]) -> JSONValue {
        .object([
            "type": "object",
            "properties": .object(["verdicts": .object([
                "type": "array", "minItems": .number(Double(ids.count)), "maxItems": .number(Double(ids.count)),
                "items": .object([
                    "type": "object",
                    "properties": .object([
                        "id": .object(["type": "string", "enum": .array(ids.map(JSONValue.string))]),
                        "verdict": .object(["type": "string", "enum": .array(HeldOutVerdict.allCases.map { .string($0.rawValue) })]),
                        "reason": .object(["type": "string"]),
                    ]),
                    "required": .array(["id", "verdict", "reason"]),
                    "additionalProperties": .bool(false),
                ]),
            ])]),
            "required": .array(["verdicts"]),
            "additionalProperties": .bool(false),
        ])
    }
}
