import EmbeddedModel
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import HyPerAlign
import LanguageModels
import Testing

/// Integration tests against the real llama.cpp server the project builds (`hyperalign setup`, run by
/// `.ci/run` before the tests). Serialized: two cores, one model at a time.
@Suite(.serialized)
struct EmbeddedModelTests {
    static let configuration = LlamaServerConfiguration(model: .smolLM2, slots: 2, threads: 2)

    func requireRuntime() throws {
        let installer = EmbeddedRuntimeInstaller()
        try #require(
            installer.isReady(model: .smolLM2),
            "the embedded runtime is not set up: run `swift run hyperalign setup` (cache: \(installer.paths.root.path))")
    }

    @Test func completesStreamsAndStopsTheServer() async throws {
        try requireRuntime()
        let (pid, port) = try await EmbeddedModelServer.withServer(Self.configuration) { model, server in
            let response = try await model.complete(ChatRequest(
                messages: [.system("Answer in one short sentence."), .user("What colour is the sky on a clear day?")],
                temperature: 0, maxTokens: 24, seed: 1))
            #expect(!response.text.isEmpty)
            #expect(response.usage.promptTokens > 5)
            #expect(response.usage.completionTokens > 0)
            #expect(response.finishReason == .stop || response.finishReason == .length)

            var deltas = 0
            var text = ""
            var finish: FinishReason?
            for try await delta in model.stream(ChatRequest(messages: [.user("Count from one to five.")], temperature: 0, maxTokens: 24)) {
                deltas += 1
                text += delta.text
                finish = delta.finishReason ?? finish
            }
            #expect(deltas > 2)
            #expect(!text.isEmpty)
            #expect(finish != nil)
            #expect(server.isRunning)
            return (server.processIdentifier, server.port)
        }
        // Stopped on the way out: the process is gone and the port refuses connections.
        #expect(kill(pid, 0) != 0)
        let model = OpenAICompatibleModel(configuration: .init(
            baseURL: "http://127.0.0.1:\(port)/v1", model: "gone", retry: .none))
        await #expect(throws: LanguageModelError.self) {
            try await model.complete(ChatRequest(messages: [.user("hi")]))
        }
    }

    @Test func grammarConstrainedJSONParses() async throws {
        try requireRuntime()
        try await EmbeddedModelServer.withServer(Self.configuration) { model, _ in
            let schema: JSONValue = .object([
                "type": "object",
                "properties": .object([
                    "city": .object(["type": "string", "maxLength": 40]),
                    "population": .object(["type": "integer"]),
                ]),
                "required": .array(["city", "population"]),
                "additionalProperties": .bool(false),
            ])
            let response = try await model.complete(ChatRequest(
                messages: [.user("Name a large city and its population as JSON.")], temperature: 0, maxTokens: 60,
                responseFormat: .jsonSchema(name: "city", schema: schema)))
            let json = try JSONValue.parse(response.text)
            #expect(json["city"]?.stringValue != nil)
            #expect(json["population"]?.doubleValue != nil)
        }
    }

    @Test func theServerIsStoppedWhenTheBodyThrows() async throws {
        try requireRuntime()
        struct Planned: Error {}
        let box = PIDBox()
        await #expect(throws: Planned.self) {
            try await EmbeddedModelServer.withServer(Self.configuration) { _, server in
                box.pid = server.processIdentifier
                throw Planned()
            }
        }
        #expect(box.pid > 0)
        #expect(kill(box.pid, 0) != 0)
    }

    @Test func inferenceAndGenerationRunEndToEnd() async throws {
        try requireRuntime()
        let texts = [
            "Short version: yes, but only to Thursday. The gauges at Site 3 need two dry days before we can trust the readings.\n\n— M.",
            "Short version: send me what you have by Friday, finished or not. A rough chapter four is worth more to me than a perfect chapter two.\n\n— M.",
            "Short version: we got it, minus the drone. The panel funded the full three years of monitoring and both PhD positions.\n\n— M.",
        ]
        let profile = UserProfile(id: "marta", texts: texts.enumerated().map { UserText(id: "\($0.offset)", text: $0.element) })
        try await EmbeddedModelServer.withServer(Self.configuration) { model, _ in
            let (set, report) = try await HypothesisInferencer(
                model: model, configuration: InferenceConfiguration(hypothesisCount: 4, maxTokens: 900, smallModelConstraints: true)
            ).infer(profile)
            #expect(!set.hypotheses.isEmpty)
            #expect(report.attempts >= 1)
            // Nothing the live model proposed is stored when it echoes the prompt or is not a valid value (issue 15).
            let library = PromptLibrary.standard()
            let validator = AttributeValidator(promptText: [PipelinePrompt.inferCategory, .inferHypotheses]
                .map { library[$0].system + library[$0].user }.joined(separator: "\n"))
            for name in AttributeName.allCases {
                guard let value = set.attributes[name] else { continue }
                #expect(validator.problem(value, for: name) == nil, "stored \(name.rawValue) '\(value)': \(validator.problem(value, for: name) ?? "")")
            }
            let verifier = EvidenceVerifier(texts: texts)
            for hypothesis in set.hypotheses {
                #expect(!hypothesis.evidence.isEmpty)
                #expect(hypothesis.evidence.allSatisfy(verifier.contains), "unverified evidence: \(hypothesis.evidence)")
            }
            let answer = try await PersonalizedGenerator(model: model, options: GenerationOptions(maxTokens: 80))
                .generate("Write a two-line note cancelling Friday's trip.", for: profile, hypotheses: set, variant: .hyperalign)
            #expect(!answer.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        }
    }
}

final class PIDBox: @unchecked Sendable {
    var pid: Int32 = 0
}
