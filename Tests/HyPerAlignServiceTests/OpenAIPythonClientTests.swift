import ChildProcesses
import Foundation
import HyPerAlignService
import ProfileStorage
import Testing
import HyPerAlignTesting

/// The real `openai` Python package (from PyPI; scripts/test installs it) against the running service:
/// an existing SDK must work unmodified. Skipped locally without the package; under CI=true it must run.
@Suite(.enabled("pip install openai (scripts/test does)") {
    await PythonOpenAI.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"
})
struct OpenAIPythonClientTests {
    @Test func theOfficialSDKWorksUnmodified() async throws {
        try #require(await PythonOpenAI.isAvailable, "python3 with the openai package is required under CI")
        try await WireTestServer.withServer(handler: { request, _ in
            if request.body.contains("fail please") { return OpenAIUpstream.error(500) }
            if request.body.contains(#""messages":[]"#) { return OpenAIUpstream.error(400, message: "[] is too short - 'messages'") }
            if request.body.contains(#""stream":true"#) { return OpenAIUpstream.stream(["Hello ", "from the ", "stream."]) }
            return OpenAIUpstream.completion("Cheers from upstream.")
        }) { upstream in
            // acme opted in to naming users by the OpenAI `user` field (the script uses it and the header).
            var configuration = ServiceConfiguration(port: 0)
            configuration.personalization.userFieldTenants = ["acme"]
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream), configuration: configuration) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann")
                let result = try await PythonOpenAI.run(
                    [PythonOpenAI.script.path, "http://127.0.0.1:\(harness.port)/v1", harness.keyA])
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("ok"))
                // Every personalized call reached the upstream with the hypotheses in a system message.
                let personalized = upstream.requests.filter { $0.body.contains("Signs off with 'Cheers'.") }
                #expect(personalized.count == 3)
            }
        }
    }
}

enum PythonOpenAI {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/openai_client_check.py")

    static var isAvailable: Bool {
        get async {
            (try? await ChildProcess.run(ChildCommand("python3", ["-c", "import openai"])))?.succeeded ?? false
        }
    }

    /// Runs python3 as a child of its own; the in-process service keeps answering meanwhile.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let exit = try await ChildProcess.run(ChildCommand("python3", arguments))
        let status: Int32 = switch exit.status {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
        return (status, exit.output)
    }
}
