/// Why a child process could not be run, or how it failed; readable at a terminal.
public enum ChildProcessError: Error, Sendable, CustomStringConvertible {
    /// The program could not be started (not installed, not executable, bad working directory).
    case cannotStart(ChildCommand, reason: String)
    /// It ran and finished unsuccessfully.
    case failed(ChildExit)

    public var description: String {
        switch self {
        case .cannotStart(let command, let reason):
            "cannot start `\(command.executable)`: \(reason)"
        case .failed(let exit):
            "`\(exit.command)` ended with \(exit.status)"
                + (exit.lines.isEmpty ? "" : "\n--- last output ---\n\(exit.tail())")
        }
    }
}
