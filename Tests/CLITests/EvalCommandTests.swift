import ChildProcesses
import Foundation
import Testing
import HyPerAlignTesting
import LanguageModels

#if canImport(Glibc)
    import Glibc
#endif

/// `eval authorship` and `report` end to end: a run killed with SIGKILL and started again finishes
/// without repeating a finished call, and a finished run re-runs with no call at all.
struct EvalCommandTests {
    static let dataDirectory: URL = {
        if let path = ProcessInfo.processInfo.environment["HYPERALIGN_DATA_DIR"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    static var hasData: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("ccat50/c50train.jsonl").path)
    }

    /// Answers like a slow model that enforces OpenAI's strict Structured Outputs (a 400 for what strict
    /// mode refuses): hypotheses quoting the texts, "A" to every judge question, a text otherwise.
    static func reply(_ request: WireTestServer.Recorded) -> WireTestServer.Reply {
        if let parsed = try? JSONValue.parse(request.body), let problem = StrictModeCheck.problem(in: parsed) {
            return .json(StrictModeCheck.errorBody(problem), status: 400)
        }
        let body = request.json ?? [:]
        let format = body["response_format"] as? [String: Any]
        let name = (format?["json_schema"] as? [String: Any])?["name"] as? String
        let answer: String
        switch name {
        case "hypotheses":
            let messages = (body["messages"] as? [[String: Any]]) ?? []
            let user = messages.compactMap { $0["content"] as? String }.joined(separator: "\n")
            let block = user.components(separatedBy: "<text n=\"1\">\n").dropFirst().first ?? ""
            let quote = block.split(separator: " ").prefix(6).joined(separator: " ")
            answer = #"{"hypotheses": [{"category": "style", "statement": "The person writes long news sentences.", "evidence": [\#(quoted(quote))], "confidence": 0.8}, {"category": "communication", "statement": "They lead with the news.", "evidence": [\#(quoted(quote))], "confidence": null}, {"category": "personality", "statement": "They stay neutral.", "evidence": [\#(quoted(quote))], "confidence": 0.5}], "attributes": {"register": "formal"}}"#
        case "authorship_verdict":
            answer = #"{"answer": "A"}"#
        default:
            answer = "Shares rose on Tuesday after the company said profits would beat forecasts, analysts said."
        }
        return .delayed(.milliseconds(150), then: OpenAIWire.completion(answer))
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test(.enabled(if: hasData, "shared data not found (set HYPERALIGN_DATA_DIR)"))
    func killedRunResumesWithoutRepeatingCallsAndReRunsForFree() async throws {
        try await WireTestServer.withServer { request, _ in Self.reply(request) } body: { server in
            var cli = CLIRunner()
            let root = URL(fileURLWithPath: cli.store).deletingLastPathComponent()
            var environment = cli.environment
            environment["HYPERALIGN_CACHE"] = root.appendingPathComponent("cache").path
            cli = CLIRunner(store: cli.store, environment: environment)
            let out = root.appendingPathComponent("run").path
            let arguments = [
                "eval", "authorship", "--dataset", "ccat50", "--authors", "2", "--prompts-per-author", "1", "--systems", "hyperalign", "--slots", "1",
                "--judges", "llm,stylometric", "--data", Self.dataDirectory.path, "--out", out,
                "--provider", "openai", "--base-url", server.baseURL + "/v1", "--model", "scripted",
            ]

            // First attempt: killed with SIGKILL in the middle of the run.
            let started = AsyncStream.makeStream(of: Int32.self)
            let firstRun = Task { try await ChildProcess.run(cli.command(arguments), onStart: { started.continuation.yield($0) }, onLine: { _ in }) }
            var iterator = started.stream.makeAsyncIterator()
            let pid = try #require(await iterator.next())
            while server.requests.count < 6, ChildLiveness.isAlive(pid) { try await Task.sleep(for: .milliseconds(20)) }
            #expect(ChildLiveness.isAlive(pid), "the run finished before it could be killed")
            kill(pid, SIGKILL)
            #expect(try await firstRun.value.status == .signalled(SIGKILL))
            let beforeResume = server.requests.count

            // Second attempt: finishes, repeating at most the one call that was in flight.
            let resumed = try await cli.run(arguments + ["--json"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let bodies = server.requests.map(\.body)
            #expect(bodies.count - Set(bodies).count <= 1, "calls repeated after resuming")
            #expect(bodies.count > beforeResume)
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String: Any])
            let judges = try #require(summary["judges"] as? [[String: Any]])
            #expect(judges.count == 2)
            #expect(judges.allSatisfy { ($0["groundTruthAccuracy"] as? [String: Any])?["comparisons"] as? Int == 2 })
            #expect(judges.allSatisfy { ($0["zeroShotGroundTruthAccuracy"] as? [String: Any])?["comparisons"] as? Int == 2 })
            let comparisons = try String(contentsOfFile: out + "/comparisons.jsonl", encoding: .utf8).split(separator: "\n")
            // Per judge: 2 system comparisons and 2 + 2 ground-truth checks (vs another author, vs zero-shot).
            #expect(comparisons.count == 2 * (2 + 2 + 2))
            // The strict server refused nothing.
            #expect(!server.requests.contains { request in
                (try? JSONValue.parse(request.body)).flatMap(StrictModeCheck.problem(in:)) != nil
            })

            // Third: the finished run again, no model call at all.
            let again = try await cli.run(arguments)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(server.requests.count == bodies.count)

            // And the report rebuilt from the records alone.
            try FileManager.default.removeItem(atPath: out + "/report.html")
            let report = try await cli.run(["report", out, "--json"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
            #expect(FileManager.default.fileExists(atPath: out + "/winrate.svg"))
        }
    }

    @Test func badSystemNameIsAUsageError() async throws {
        let cli = CLIRunner()
        let result = try await cli.run(["eval", "authorship", "--systems", "gpt-5", "--data", "/nonexistent", "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown system 'gpt-5'"))
    }

    @Test func aMisspeltOrEmptyAdherenceRowIsRefusedBeforeAnythingRuns() async throws {
        let cli = CLIRunner()
        let misspelt = try await cli.run(["eval", "adherence", "--variants", "few-shot,hyperalign+exemples --best-of 4", "--data", "/nonexistent", "--quiet"])
        #expect(misspelt.status != 0)
        #expect(misspelt.stderr.contains("unknown variant 'hyperalign+exemples'"))
        let empty = try await cli.run(["eval", "adherence", "--variants", " , ", "--data", "/nonexistent", "--quiet"])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("--variants names no row"))
        let split = try await cli.run(["eval", "adherence", "--split", "train", "--data", "/nonexistent", "--quiet"])
        #expect(split.status != 0)
        #expect(split.stderr.contains("'train'") && split.stderr.contains("--split"))
    }
}
