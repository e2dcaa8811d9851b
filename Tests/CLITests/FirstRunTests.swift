import ChildProcesses
import Foundation
import Testing

/// An empty directory to set the embedded runtime up into, from scratch.
let firstRunCache = ProcessInfo.processInfo.environment["HYPERALIGN_FIRST_RUN_CACHE"]

/// The path a new machine takes, end to end: `hyperalign setup` into an empty cache (download and verify the
/// llama.cpp source, configure, build, fetch the model, start it and have it answer), then a first generation.
///
/// `scripts/test` runs this alone, first, when `HYPERALIGN_FIRST_RUN_CACHE` names an empty directory (always in
/// CI), and the rest of the suite then uses the runtime it built.
@Suite(.enabled(if: firstRunCache != nil, "set HYPERALIGN_FIRST_RUN_CACHE to an empty directory"))
struct FirstRunTests {

    @Test func setupIntoAnEmptyCacheThenAFirstGeneration() async throws {
        let cache = try #require(firstRunCache)
        let before = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        try #require(before.isEmpty, "\(cache) is not empty: this test proves the first run and needs an empty cache")
        var environment = CLIRunner().environment
        environment["HYPERALIGN_CACHE"] = cache
        let cli = CLIRunner(store: CLIRunner().store, environment: environment)

        let setup = try await cli.run(["setup", "--json"])
        #expect(setup.status == 0, "setup failed:\n\(setup.stderr.suffix(3000))")
        #expect(setup.stderr.contains("configuring llama.cpp"), "setup did not build from source:\n\(setup.stderr.suffix(2000))")
        #expect(setup.stderr.contains("the embedded model answers"))
        let paths = try #require(try JSONSerialization.jsonObject(with: Data(setup.stdout.utf8)) as? [String: String])
        let server = try #require(paths["server"])
        #expect(server.hasPrefix(cache))
        #expect(FileManager.default.isExecutableFile(atPath: server))

        let texts = try cli.write("marta.txt", """
            Short version: yes, but only to Thursday. The gauges at Site 3 need two dry days before we can trust them.

            — M.
            """)
        #expect(try await cli.run(["profile", "add", "marta", texts]).status == 0)
        let generated = try await cli.run([
            "generate", "--user", "marta", "--variant", "zero-shot", "--max-tokens", "24", "--json",
            "Write one sentence about rain.",
        ])
        #expect(generated.status == 0, "generation failed:\n\(generated.stderr.suffix(2000))")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Any])
        let text = try #require(answer["text"] as? String)
        #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)

        // A second setup finds everything in place and only checks it.
        let again = try await cli.run(["setup"])
        #expect(again.status == 0)
        #expect(!again.stderr.contains("configuring llama.cpp"))
    }
}
