import AuthorshipData
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels
import LanguageModelsTesting
import Testing

/// Every JSON schema the project sends, collected from the requests its real code paths make, is valid
/// under the rules of the backend it goes to: OpenAI's strict Structured Outputs for every real provider
/// (the settings without small-model constraints), llama.cpp's grammar for the embedded model's extras.
struct StrictSchemaTests {
    /// (name, schema) of every schema-constrained request `model` received.
    static func schemas(_ requests: [ChatRequest]) -> [(String, JSONValue)] {
        requests.compactMap { request in
            if case .jsonSchema(let name, let schema) = request.responseFormat { return (name, schema) }
            return nil
        }
    }

    static func expectValid(_ schemas: [(String, JSONValue)], under rules: SchemaRules, _ context: String) {
        for (name, schema) in schemas {
            let problems = rules.violations(of: schema, name: name)
            #expect(problems.isEmpty, "\(context): schema '\(name)' breaks \(rules.rawValue): \(problems)")
        }
    }

    @Test func everySchemaOfTheBenchmarksAndThePipelineIsStrictValid() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond { request in
            if case .jsonSchema(let name, _) = request.responseFormat {
                switch name {
                case "safety_verdict": return #"{"refused": false, "complied": true, "helpfulness": 7}"#
                case "hypothesis_checks": return #"{"verdicts": []}"#
                default: break
                }
            }
            return SyntheticCorpus.answer(request)
        })
        // Author-style benchmark: inference (real-provider settings), both judges, every ground-truth check.
        let files = RunFiles(directory: FileManager.default.temporaryDirectory.appendingPathComponent("strict-\(UUID().uuidString)"))
        _ = try await AuthorshipEvaluation(model: model, configuration: AuthorshipRunConfiguration(
            authors: 2, promptsPerAuthor: 1, systems: [.variant(.hyperalign)], judges: [.llm]))
            .run(corpus: SyntheticCorpus.corpus, in: files)
        // Deliberative benchmark: persona inference, deliberation, the safety judge.
        let delib = RunFiles(directory: FileManager.default.temporaryDirectory.appendingPathComponent("strict-d-\(UUID().uuidString)"))
        _ = try await DeliberativeEvaluation(
            model: model, configuration: DeliberativeRunConfiguration(harmful: 1, benign: 1), policy: SafetyPolicy(text: "Be safe.", origin: "p"),
            personas: [Persona(id: "p", intent: .benign, description: "d", earlierMessages: ["We will fix it; we always do."])]
        ).run(requests: [
            SafetyRequest(id: "h", source: "t", text: "Hurt someone.", harmful: true),
            SafetyRequest(id: "b", source: "t", text: "Kill a process.", harmful: false),
        ], in: delib)
        // Refinement (`infer --refine`): inference on part, the held-out check on the rest.
        let texts = (0..<6).map { UserText(id: "\($0)", text: "Short version: the shipment \($0) is late. We will fix it; we always do.") }
        _ = try await HypothesisRefiner(model: model, baselineTexts: ["Other text one.", "Other text two."])
            .refine(UserProfile(id: "ann", texts: texts))
        let schemas = Self.schemas(model.requests)
        let names = Set(schemas.map(\.0))
        #expect(names == ["hypotheses", "authorship_verdict", "safety_verdict", "hypothesis_checks"], "\(names)")
        Self.expectValid(schemas, under: .openAIStrict, "real provider")
        Self.expectValid(schemas, under: .llamaCpp, "llama.cpp")
    }

    @Test func theEmbeddedModelsSchemasAreValidForLlamaCpp() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .respond { _ in #"{"hypotheses": [{"statement": "They write plainly.", "evidence": [1]}], "attributes": {"register": "formal"}}"# })
        let texts = (0..<4).map { UserText(id: "\($0)", text: "The shipment \($0) is late today. We will fix it as we always do.") }
        for configuration in [
            InferenceConfiguration(hypothesisCount: 3, smallModelConstraints: true),
            InferenceConfiguration(hypothesisCount: 3, smallModelConstraints: true, citesSentences: false),
        ] {
            _ = try? await HypothesisInferencer(model: model, configuration: configuration).infer(UserProfile(id: "x", texts: texts))
        }
        let schemas = Self.schemas(model.requests)
        #expect(schemas.count >= 2)
        Self.expectValid(schemas, under: .llamaCpp, "embedded")
    }
}
