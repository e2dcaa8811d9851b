import ChildProcesses
import Foundation
import HyPerAlignService
import HyPerAlignTesting
import SQLiteStorage
import Testing

/// `schemathesis` (PyPI), a property-based API tester that knows nothing of this code, against the
/// service's own `/openapi.json`: every phase (the document's examples, the coverage of each constraint's
/// edges, fuzzing, and stateful sequences along the document's links) with every check, including the
/// negative ones (a request the document forbids must be refused, one it allows must not be) and the 405
/// for methods a path does not take. The service runs as `hyperalign serve` does — SQLite store, an
/// OpenAI-compatible upstream proxied to — with the rate limits lifted so the run tests the routes, not
/// the budget (429 stays documented). Nothing is excluded.
@Suite(.enabled("pip install schemathesis (scripts/bootstrap does)") {
    await Schemathesis.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"
})
struct SchemathesisTests {
    @Test func theServiceKeepsItsOwnOpenAPIContract() async throws {
        try #require(await Schemathesis.isAvailable, "schemathesis 4 is required under CI (scripts/bootstrap installs it)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemathesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteProfileStore(path: folder.appendingPathComponent("store.sqlite").path)
        // Small text limits, so the document's maxItems and maxLength are within what schemathesis draws
        // and their edges (and the 409 of an append past the limit) are exercised.
        let configuration = ServiceConfiguration(
            port: 0, maxTextsPerUser: 6, maxTextCharacters: 400, rateLimit: .unlimited, addressRateLimit: .unlimited)
        try await WireTestServer.withServer(handler: { request, _ in SchemathesisUpstream.reply(request) }) { upstream in
            try await ServiceHarness.run(
                model: OpenAIUpstream.model(upstream, timeout: .seconds(20)), store: store, configuration: configuration
            ) { harness in
                // The document's examples name this user: with texts and hypotheses, they reach real resources.
                try await harness.createUser("ann@example.com")
                try await harness.giveHypotheses("ann@example.com")
                let run = try await Schemathesis.run(
                    schema: harness.handle.baseURL + "/openapi.json", key: harness.keyA, reports: folder)
                #expect(run.status == .exited(0), "schemathesis found failures:\n\(run.output)")
                let report = try #require(run.junit, "no JUnit report:\n\(run.output)")
                // Not vacuous: every operation of the document was tested, and none failed or errored.
                #expect(report.tests >= 16, "only \(report.tests) operations tested:\n\(run.output)")
                #expect(report.failures == 0 && report.errors == 0, "\(report):\n\(run.output)")
                #expect(!upstream.requests.isEmpty, "the chat and generation routes never reached the upstream")
            }
        }
    }
}

/// The `schemathesis` command line (version 4: `run` with `--phases`, `--checks`, `--max-examples`).
enum Schemathesis {
    static var isAvailable: Bool {
        get async {
            guard let exit = try? await ChildProcess.run(ChildCommand("schemathesis", ["--version"])), exit.succeeded else {
                return false
            }
            return exit.output.contains("version 4.")
        }
    }

    struct Run {
        var status: ChildExit.Status
        var output: String
        var junit: JUnit?
    }

    /// The totals of a JUnit report: one test case per operation.
    struct JUnit: CustomStringConvertible {
        var tests: Int
        var failures: Int
        var errors: Int
        var description: String { "\(tests) operations, \(failures) failures, \(errors) errors" }

        init?(_ xml: String) {
            func total(_ name: String) -> Int? {
                guard let range = xml.range(of: "<testsuite "), let end = xml[range.upperBound...].firstIndex(of: ">"),
                    let value = xml[range.upperBound..<end].firstMatch(of: try! Regex("\\b\(name)=\"([0-9]+)\""))
                else { return nil }
                return Int(value.output[1].substring ?? "")
            }
            guard let tests = total("tests"), let failures = total("failures"), let errors = total("errors") else { return nil }
            (self.tests, self.failures, self.errors) = (tests, failures, errors)
        }
    }

    /// Every phase and every check, bounded for CI: 25 examples per operation and a fixed seed (a failure
    /// reproduces), about 90 s on two busy cores. One worker: with two, schemathesis 4.32's coverage phase
    /// sometimes dies inside Hypothesis ("AST constructor recursion depth mismatch", a thread-safety fault
    /// of its own), which would fail this test for nothing the service did.
    static func run(schema: String, key: String, reports: URL) async throws -> Run {
        let junit = reports.appendingPathComponent("schemathesis.xml")
        let exit = try await ChildProcess.run(ChildCommand("schemathesis", [
            "run", schema, "--header", "Authorization: Bearer \(key)",
            "--phases", "examples,coverage,fuzzing,stateful", "--checks", "all",
            "--max-examples", "25", "--seed", "13", "--workers", "1",
            "--request-timeout", "30", "--generation-database", "none", "--no-color",
            "--report", "junit", "--report-junit-path", junit.path,
        ], environment: ["SCHEMATHESIS_TELEMETRY": "false"]))
        let xml = try? String(contentsOf: junit, encoding: .utf8)
        return Run(status: exit.status, output: exit.output, junit: xml.flatMap(JUnit.init))
    }
}

/// An OpenAI-compatible upstream that answers every request with a completion (or a stream of chunks when
/// asked to stream), so any failure schemathesis finds is the service's own.
enum SchemathesisUpstream {
    static func reply(_ request: WireTestServer.Recorded) -> WireTestServer.Reply {
        if request.json?["stream"] as? Bool == true { return OpenAIUpstream.stream(["Short ", "answer."]) }
        return OpenAIUpstream.completion("Short answer.")
    }
}
