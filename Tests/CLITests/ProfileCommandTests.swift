import Foundation
import Testing

/// The CLI as a user meets it: real binary, real SQLite file, exit codes and messages.
struct ProfileCommandTests {
    @Test func helpListsTheCommands() async throws {
        let result = try await CLIRunner().run(["--help"])
        #expect(result.status == 0)
        for command in ["setup", "demo", "profile", "infer", "hypotheses", "generate"] {
            #expect(result.stdout.contains(command))
        }
    }

    @Test func addListShowRemove() async throws {
        let cli = CLIRunner()
        let file = try cli.write("ann.jsonl", #"{"text": "Hello from Ann.", "prompt": "Say hi"}"# + "\n" + #"{"text": "Another one."}"#)
        let added = try await cli.run(["profile", "add", "ann", file, "--attribute", "role=editor"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("stored 'ann': 2 texts"))

        let list = try await cli.run(["profile", "list", "--json"])
        let summaries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(summaries?.first?["id"] as? String == "ann")
        #expect(summaries?.first?["textCount"] as? Int == 2)

        let show = try await cli.run(["profile", "show", "ann", "--json"])
        let profile = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect((profile?["attributes"] as? [String: String])?["role"] == "editor")

        #expect(try await cli.run(["profile", "remove", "ann"]).status == 0)
        let missing = try await cli.run(["profile", "show", "ann"])
        #expect(missing.status == 5)
        #expect(missing.stderr.contains("error: no user 'ann'"))
    }

    @Test func badInputNamesFileAndLineAndKeepsWhatIsStored() async throws {
        let cli = CLIRunner()
        let good = try cli.write("good.jsonl", #"{"text": "Kept."}"#)
        #expect(try await cli.run(["profile", "add", "bo", good]).status == 0)
        let bad = try cli.write("bad.jsonl", #"{"text": "fine"}"# + "\n" + #"{"prompt": "no text here"}"#)
        let result = try await cli.run(["profile", "add", "bo", bad])
        #expect(result.status == 3)
        #expect(result.stderr.contains("bad.jsonl:2: field 'text': is missing"))
        let show = try await cli.run(["profile", "show", "bo", "--json"])
        let profile = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        #expect((profile?["texts"] as? [Any])?.count == 1)
    }

    @Test func usageErrorsExit64() async throws {
        let cli = CLIRunner()
        let neither = try await cli.run(["infer"])
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("either text files or --user"))
        let badID = try await cli.run(["profile", "add", "../etc", "x.txt"])
        #expect(badID.status == 3)
        #expect(try await cli.run(["generate", "--variant", "telepathy", "--user", "x", "hi"]).status == 64)
    }

    @Test func generateWithoutHypothesesSaysWhatToRun() async throws {
        let cli = CLIRunner()
        let file = try cli.write("t.txt", "Some text.")
        #expect(try await cli.run(["profile", "add", "cy", file]).status == 0)
        let result = try await cli.run(["generate", "--user", "cy", "Write a note."])
        #expect(result.status == 3)
        #expect(result.stderr.contains("run `hyperalign infer --user cy` first"))
    }
}
