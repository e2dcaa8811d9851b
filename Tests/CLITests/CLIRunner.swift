import ChildProcesses
import Foundation

/// Runs the built `hyperalign` binary as a user would, capturing its output and exit code.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let store: String
    let environment: [String: String]

    init() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        store = directory.appendingPathComponent("store.sqlite").path
        var environment = ProcessInfo.processInfo.environment
        environment["HYPERALIGN_STORE"] = store
        self.environment = environment
    }

    static var binary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hyperalign")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("hyperalign")
    }

    /// Runs the binary as a user would: its own signal mask and dispositions, stdin from /dev/null.
    func run(_ arguments: [String]) async throws -> Result {
        let output = try await ChildProcess.capture(command(arguments))
        let status: Int32 = switch output.status {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
        return Result(status: status, stdout: output.standardOutput, stderr: output.standardError)
    }

    func command(_ arguments: [String]) -> ChildCommand {
        ChildCommand(Self.binary.path, arguments, environment: environment)
    }

    func write(_ name: String, _ content: String) throws -> String {
        let url = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
        return url.path
    }
}
