import Foundation
import Testing
import HyPerAlignTesting

/// `infer --refine` end to end against a scripted OpenAI-compatible server.
struct RefineCommandTests {
    static func reply(_ request: WireTestServer.Recorded) -> WireTestServer.Reply {
        let body = request.json ?? [:]
        let name = ((body["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])?["name"] as? String
        let user = ((body["messages"] as? [[String: Any]]) ?? []).compactMap { $0["content"] as? String }.joined(separator: "\n")
        switch name {
        case "hypotheses":
            return OpenAIWire.completion(#"{"hypotheses": [{"category": "style", "statement": "The person signs with an initial.", "evidence": ["yes, but only to Thursday"], "confidence": 0.9}, {"category": "personality", "statement": "The person is verbose and ornate.", "evidence": ["Short version: yes, but only"], "confidence": 0.4}], "attributes": {}}"#)
        case "hypothesis_checks":
            let ids = user.split(separator: "[").dropFirst().compactMap { $0.split(separator: "]").first.map(String.init) }.filter { $0.hasPrefix("h-") }
            return OpenAIWire.completion(#"{"verdicts": [{"id": "\#(ids[0])", "verdict": "holds", "reason": "signed — M."}, {"id": "\#(ids[1])", "verdict": "contradicted", "reason": "every text is two lines"}]}"#)
        default:
            return OpenAIWire.completion("ok")
        }
    }

    @Test func refineReportsWhatSurvivedAndWhy() async throws {
        try await WireTestServer.withServer { request, _ in Self.reply(request) } body: { server in
            let cli = CLIRunner()
            let texts = (0..<6).map { #"{"text": "Short version: yes, but only to Thursday number \#($0).\n\n— M."}"# }
            let file = try cli.write("m.jsonl", texts.joined(separator: "\n"))
            let baseline = try cli.write("others.jsonl", (0..<20).map { #"{"text": "Dear all, thank you very much for the lovely evening \#($0). Warm regards, everyone."}"# }.joined(separator: "\n"))
            let result = try await cli.run([
                "infer", file, "--refine", "--baseline", baseline, "--provider", "openai", "--base-url", server.baseURL + "/v1",
                "--model", "scripted", "--no-cache", "--quiet",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("REFINEMENT  inferred on 4 texts, checked on 2 held out"))
            #expect(result.stdout.contains("KEPT"))
            #expect(result.stdout.contains("DROPPED     MODEL    The person is verbose and ornate."))
            #expect(result.stdout.contains("why: contradicted: every text is two lines"))
            #expect(result.stdout.contains("MEASURED"))

            let json = try await cli.run([
                "infer", file, "--refine", "--baseline", baseline, "--json", "--provider", "openai", "--base-url", server.baseURL + "/v1",
                "--model", "scripted", "--no-cache", "--quiet",
            ])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let hypotheses = try #require(object["hypotheses"] as? [[String: Any]])
            // The model's kept hypothesis and the measured ones that survived the held-out check (issue 10);
            // the contradicted one is gone.
            let statements = hypotheses.compactMap { $0["statement"] as? String }
            #expect(statements.filter { $0 == "The person signs with an initial." }.count == 1)
            #expect(!statements.contains("The person is verbose and ornate."))
            #expect(hypotheses.count > 1)
            let inference = try #require(object["inference"] as? [String: Any])
            let refinement = try #require(inference["refinement"] as? [String: Any])
            #expect((refinement["decisions"] as? [[String: Any]])?.isEmpty == false)
        }
    }
}
