import ChildProcesses

/// Runs one setup step's command, streaming its lines to a callback; a failure becomes an
/// ``EmbeddedSetupError`` naming the step, the command and the tail of its output.
struct CommandRunner: Sendable {
    var step: String

    @discardableResult
    func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil,
        onLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> String {
        let command = ChildCommand(executable, arguments, workingDirectory: directory)
        let exit: ChildExit
        do {
            exit = try await ChildProcess.run(command, onLine: onLine)
        } catch {
            throw EmbeddedSetupError(step: step, message: "\(error)")
        }
        guard exit.succeeded else {
            throw EmbeddedSetupError(step: step, message: "`\(command)` ended with \(exit.status)", outputTail: exit.tail())
        }
        return exit.output
    }
}
