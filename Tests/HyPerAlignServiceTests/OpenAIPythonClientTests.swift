import Foundation
import HyPerAlignService
import ProfileStorage
import Testing
import HyPerAlignTesting

/// The real `openai` Python package (from PyPI; scripts/test installs it) against the running service:
/// an existing SDK must work unmodified. Skipped locally without the package; under CI=true it must run.
@Suite(.enabled(if: PythonOpenAI.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true",
                "pip install openai (scripts/test does)"))
struct OpenAIPythonClientTests {
    @Test func theOfficialSDKWorksUnmodified() async throws {
        try #require(PythonOpenAI.isAvailable, "python3 with the openai package is required under CI")
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

    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import openai"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Runs python3 off the cooperative pool so the in-process service keeps answering meanwhile.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3"] + arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                do {
                    try process.run()
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
