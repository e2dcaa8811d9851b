import Foundation
import Testing
import HyPerAlignTesting

/// `infer`, `hypotheses` and `generate` end to end through the CLI against a scripted
/// OpenAI-compatible server on loopback.
struct InferCommandTests {
    static let answer = """
        {"hypotheses": [
          {"category": "style", "statement": "Opens with 'Short version:'.", "evidence": ["Short version: yes, but only"], "confidence": 0.9},
          {"category": "communication", "statement": "Signs with an initial.", "evidence": ["yes, but only to Thursday"], "confidence": 0.8}
        ], "attributes": {"register": "informal", "domain": "ecology", "audience": "team", "language": "English",
                          "typical_length_words": 20, "formatting_habits": []}}
        """

    static func reply(_ request: WireTestServer.Recorded) -> WireTestServer.Reply {
        let body = request.json ?? [:]
        if body["response_format"] != nil { return OpenAIWire.completion(answer) }
        return OpenAIWire.completion("Short version: trip's off.\n\n— M.")
    }

    func providerArguments(_ server: WireTestServer) -> [String] {
        ["--provider", "openai", "--base-url", server.baseURL + "/v1", "--model", "scripted", "--no-cache", "--quiet"]
    }

    @Test func adHocInferPrintsJSONWithHypothesesAndAttributes() async throws {
        try await WireTestServer.withServer { request, _ in Self.reply(request) } body: { server in
            let cli = CLIRunner()
            let file = try cli.write("m.txt", "Short version: yes, but only to Thursday.\n\n— M.")
            let result = try await cli.run(["infer", file, "--json"] + providerArguments(server))
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let hypotheses = try #require(json["hypotheses"] as? [[String: Any]])
            #expect(hypotheses.count == 2)
            #expect(hypotheses.allSatisfy { $0["category"] != nil && $0["statement"] != nil && $0["evidence"] != nil })
            #expect((json["attributes"] as? [String: Any])?["register"] as? String == "informal")
        }
    }

    @Test func storedInferEditAndReinferKeepsEdits() async throws {
        try await WireTestServer.withServer { request, _ in Self.reply(request) } body: { server in
            let cli = CLIRunner()
            let file = try cli.write("m.jsonl", #"{"text": "Short version: yes, but only to Thursday.\n\n— M."}"#)
            #expect(try await cli.run(["profile", "add", "marta", file]).status == 0)
            #expect(try await cli.run(["infer", "--user", "marta"] + providerArguments(server)).status == 0)

            let shown = try await cli.run(["hypotheses", "show", "marta", "--json"])
            let set = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let hypotheses = try #require(set["hypotheses"] as? [[String: Any]])
            let first = try #require(hypotheses.first?["id"] as? String)
            let second = try #require(hypotheses.last?["id"] as? String)

            let edit = try await cli.run([
                "hypotheses", "edit", "marta", "--reword", first, "--reword", "Always opens with 'Short version:'.",
                "--remove", second, "--add", "personality: Dry humour.",
            ])
            #expect(edit.status == 0, "\(edit.stderr)")

            let again = try await cli.run(["infer", "--user", "marta"] + providerArguments(server))
            #expect(again.status == 0)
            #expect(again.stdout.contains("Always opens with 'Short version:'."))
            #expect(again.stdout.contains("Dry humour."))
            #expect(!again.stdout.contains("Signs with an initial."))
            #expect(again.stdout.contains("KEPT    2 hypotheses you edited or added; 1 you removed were not re-added"))

            let generated = try await cli.run(["generate", "--user", "marta", "--json", "Cancel the trip."] + providerArguments(server))
            #expect(generated.status == 0)
            #expect(generated.stdout.contains("trip's off"))
            let unknown = try await cli.run(["hypotheses", "edit", "marta", "--remove", "h-000000"])
            #expect(unknown.status == 3)
            #expect(unknown.stderr.contains("no hypothesis with id 'h-000000'"))
        }
    }

    @Test func providerErrorsAreReadableAndNeverShowTheKey() async throws {
        try await WireTestServer.withServer { _, _ in OpenAIWire.error(401, message: "Incorrect API key provided") } body: { server in
            var cli = CLIRunner()
            var environment = cli.environment
            environment["OPENAI_API_KEY"] = "sk-very-secret-123"
            cli = CLIRunner(store: cli.store, environment: environment)
            let file = try cli.write("m.txt", "Some text.")
            let result = try await cli.run(["infer", file] + providerArguments(server))
            #expect(result.status == 4)
            #expect(result.stderr.contains("HTTP 401: server_error: Incorrect API key provided"))
            #expect(!result.stderr.contains("sk-very-secret-123"))
            #expect(!result.stdout.contains("sk-very-secret-123"))
        }
    }
}

extension CLIRunner {
    init(store: String, environment: [String: String]) {
        self.store = store
        self.environment = environment
    }
}
