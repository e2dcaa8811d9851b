import Foundation
import HyPerAlignTesting
import Testing

/// Writing about a person before any inference, the one JSON shape, and links to the person's page — through
/// the built binary as a user runs it.
struct PersonCommandsTests {
    static let documentKeys: Set<String> = ["userID", "revision", "stale", "hypotheses", "attributes", "provenance", "suppressedStatements"]

    @Test func hypothesesEditAddsToAUserWithNoneAndInferenceMergesWithThem() async throws {
        try await WireTestServer.withServer { request, _ in InferCommandTests.reply(request) } body: { server in
            let cli = CLIRunner()
            let file = try cli.write("m.jsonl", #"{"text": "Short version: yes, but only to Thursday.\n\n— M."}"#)
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
