import Foundation
import Testing

/// `hyperalign goals` with the scripted agents, whose answers are known.
struct GoalsCommandTests {
    @Test func runAnalyzeAndResumeWithTheOptimalAgent() async throws {
        let cli = CLIRunner()
        let run = URL(fileURLWithPath: cli.store).deletingLastPathComponent().appendingPathComponent("goals").path
        let arguments = ["goals", "run", "--agent", "optimal", "--task", "plan-and-execute", "--seeds", "3", "--blocks", "3", "--run", run, "--quiet"]
        let first = try await cli.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("scripted:optimal\tplan-and-execute\t3\tplain\t3\t0\tcm"))  // 3 completed, 0 unfinished
        let episodes = try String(contentsOfFile: run + "/episodes.jsonl", encoding: .utf8).split(separator: "\n").count
        #expect(episodes == 3 * 6)  // the task plus its five capability subtasks (not the falling tower's)

        // A re-run finds every episode done and plays none.
        let again = try await cli.run(arguments)
        #expect(again.status == 0)
        #expect(try String(contentsOfFile: run + "/episodes.jsonl", encoding: .utf8).split(separator: "\n").count == episodes)

        let analysis = try await cli.run(["goals", "analyze", run, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [[String: Any]])
        let gd = try #require((rows.first?["goalDirectedness"] as? [String: Any])?["estimate"] as? Double)
        #expect(gd > 0.9)
        for file in ["report.md", "goal-directedness.svg", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: run + "/" + file))
        }
    }

    @Test func aRandomAnswerIsNotGoalDirected() async throws {
        let cli = CLIRunner()
        let run = URL(fileURLWithPath: cli.store).deletingLastPathComponent().appendingPathComponent("goals-random").path
        let result = try await cli.run(["goals", "run", "--agent", "random-answer", "--task", "cognitive-effort", "--seeds", "12", "--blocks", "4", "--run", run, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let gd = (rows.first?["goalDirectedness"] as? [String: Any])?["estimate"] as? Double
        #expect(gd.map { abs($0) < 0.35 } ?? false, "random-answer goal-directedness \(String(describing: gd))")
    }

    @Test func badArgumentsAndMissingRuns() async throws {
        let cli = CLIRunner()
        #expect(try await cli.run(["goals", "run", "--agent", "optimal", "--blocks", "99"]).status == 64)
        #expect(try await cli.run(["goals", "run", "--task", "measure-block", "--agent", "optimal"]).status == 64)
        let missing = try await cli.run(["goals", "analyze", "/nonexistent/run"])
        #expect(missing.status == 5)
        #expect(missing.stderr.contains("no episodes in /nonexistent/run"))
    }
}
