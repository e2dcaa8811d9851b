import Foundation
import HyPerAlignService
import Testing
import HyPerAlignTesting

/// The official `openai` Python SDK against an OpenAI-like upstream, directly and through the service:
/// every request of issue 12's table answers as the upstream does, plus the user's hypotheses.
@Suite(.enabled("pip install openai (scripts/bootstrap does)") {
    await PythonOpenAI.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"
})
struct OpenAIConformanceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/openai_conformance.py")

    @Test func theServiceAnswersAsTheUpstreamDoes() async throws {
        try #require(await PythonOpenAI.isAvailable, "python3 with the openai package is required under CI")
        try await WireTestServer.withServer(handler: { request, _ in ConformanceUpstream.reply(request) }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann")
                let result = try await PythonOpenAI.run(
                    [Self.script.path, upstream.baseURL + "/v1", "http://127.0.0.1:\(harness.port)/v1", harness.keyA])
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.split(separator: "\n").last == "ok", "\(result.output)")
                // Every request through the service carried the hypotheses; none sent directly did.
                let proxied = upstream.requests.filter { $0.headers["authorization"] == "Bearer upstream-secret" }
                #expect(!proxied.isEmpty)
                #expect(proxied.allSatisfy { $0.body.contains("Signs off with 'Cheers'.") })
                #expect(!upstream.requests.contains { $0.headers["authorization"] != "Bearer upstream-secret" && $0.body.contains("Cheers") })
                // json_object went upstream as json_object.
                #expect(proxied.contains { ($0.json?["response_format"] as? [String: Any])?["type"] as? String == "json_object" })
            }
        }
    }
}
