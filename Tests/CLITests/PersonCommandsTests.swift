import Foundation
import HyPerAlignTesting
import Testing

/// Writing about a person before any inference, the one JSON shape, and links to the person's page — through
/// the built binary as a user runs it.
struct PersonCommandsTests {
    static let documentKeys: Set<String> = ["userID", "revision", "stale", "hypotheses", "attributes", "provenance", "suppressedStatements"]
    static let text = "Short version: yes, but only to Thursday. The gauges need two dry days before we trust them.\n\n— M."
    static let answer = """
        {"hypotheses": [
          {"category": "style", "statement": "Opens with 'Short version:'.", "evidence": ["Short version: yes, but only to Thursday."]},
          {"category": "personality", "statement": "Trusts measurements over plans.", "evidence": ["The gauges need two dry days before we trust them."]}
        ], "attributes": {"register": "informal", "domain": "The person's texts", "audience": "team", "language": "Theperson"}}
        """

    static func reply(_ request: WireTestServer.Recorded) -> WireTestServer.Reply {
        OpenAIWire.completion(request.json?["response_format"] != nil ? answer : "Short version: fine.")
    }

    @Test func hypothesesEditAddsToAUserWithNoneAndInferenceMergesWithThem() async throws {
        try await WireTestServer.withServer { request, _ in Self.reply(request) } body: { server in
            let cli = CLIRunner()
            let file = try cli.write("m.txt", Self.text)
            #expect(try await cli.run(["profile", "add", "marta", file]).status == 0)

            let edit = try await cli.run([
                "hypotheses", "edit", "marta", "--add", "style: Signs off with an em dash and an initial.",
                "--set", "audience=students and colleagues", "--json",
            ])
            #expect(edit.status == 0, "\(edit.stderr)")
            let written = try #require(try JSONSerialization.jsonObject(with: Data(edit.stdout.utf8)) as? [String: Any])
            #expect(Set(written.keys) == Self.documentKeys)
            #expect((written["hypotheses"] as? [[String: Any]])?.map { $0["origin"] as? String } == ["added"])

            let inferred = try await cli.run(["infer", "--user", "marta", "--json"] + InferCommandTests().providerArguments(server))
            #expect(inferred.status == 0, "\(inferred.stderr)")
            let merged = try #require(try JSONSerialization.jsonObject(with: Data(inferred.stdout.utf8)) as? [String: Any])
            #expect(Set(merged.keys) == Self.documentKeys.union(["inference"]))
            let statements = (merged["hypotheses"] as? [[String: Any]])?.compactMap { $0["statement"] as? String } ?? []
            #expect(statements.first == "Signs off with an em dash and an initial.")
            #expect(statements.count == 3)
            let attributes = try #require(merged["attributes"] as? [String: Any])
            #expect(attributes["audience"] as? String == "students and colleagues")
            #expect((attributes["sources"] as? [String: String])?["audience"] == "person")
            // The model's echoes of the prompt are not stored; the report says why.
            #expect(attributes["domain"] == nil)
            #expect(attributes["language"] as? String == "English")
            let report = try #require((merged["inference"] as? [String: Any])?["report"] as? [String: Any])
            let dropped = (report["droppedAttributes"] as? [[String: String]] ?? []).compactMap { $0["statement"] }
            #expect(dropped.contains("domain: The person's texts"))
            #expect(dropped.contains("language: Theperson"))

            let shown = try await cli.run(["hypotheses", "show", "marta", "--json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            #expect(Set(document.keys) == Self.documentKeys)
            #expect(document["revision"] as? Int == 2)
        }
    }

    @Test func aBadAttributeOrAnUnknownUserIsAClearError() async throws {
        let cli = CLIRunner()
        let file = try cli.write("m.txt", "Short version: yes, but only to Thursday.")
        #expect(try await cli.run(["profile", "add", "marta", file]).status == 0)
        let register = try await cli.run(["hypotheses", "edit", "marta", "--set", "register=chatty"])
        #expect(register.status == 3)
        #expect(register.stderr.contains("attribute 'register': 'chatty' is not one of formal, semi-formal, informal, casual"))
        let unknown = try await cli.run(["hypotheses", "edit", "nobody", "--add", "style: Short."])
        #expect(unknown.status == 5)
        #expect(unknown.stderr.contains("no user 'nobody'"))
    }

    @Test func usersLinkMakesARevocableLinkForOneUser() async throws {
        let cli = CLIRunner()
        let file = try cli.write("m.txt", "Short version: yes, but only to Thursday.")
        #expect(try await cli.run(["profile", "add", "marta", file]).status == 0)
        let made = try await cli.run(["users", "link", "marta", "--ttl", "2h", "--service-url", "https://pages.example.org", "--json"])
        #expect(made.status == 0, "\(made.stderr)")
        let link = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
        let url = try #require(link["url"] as? String)
        #expect(url.hasPrefix("https://pages.example.org/me/"))
        let id = try #require(link["id"] as? String)

        let listed = try await cli.run(["users", "links", "marta"])
        #expect(listed.stdout.contains("\(id)  active"))
        #expect(try await cli.run(["users", "revoke-link", "marta", id]).status == 0)
        #expect(try await cli.run(["users", "links", "marta"]).stdout.contains("\(id)  revoked"))
        #expect(try await cli.run(["users", "revoke-link", "marta", "lnk_00000000000000000000"]).status == 5)
        #expect(try await cli.run(["users", "link", "nobody"]).status == 5)
        #expect(try await cli.run(["users", "link", "marta", "--ttl", "forever"]).status == 64)
    }
}
