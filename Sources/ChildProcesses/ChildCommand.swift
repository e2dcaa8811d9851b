/// A program to run as a child process, with its arguments, working directory and extra environment.
///
/// The executable is looked up on `PATH` unless it contains a `/`.
public struct ChildCommand: Sendable, Hashable, CustomStringConvertible {
    public var executable: String
    public var arguments: [String]
    public var workingDirectory: String?
    /// Added to (or replacing entries of) the environment this process inherited.
    public var environment: [String: String]

    public init(
        _ executable: String, _ arguments: [String] = [], workingDirectory: String? = nil,
        environment: [String: String] = [:]
    ) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
    }

    /// The command for a message: long or multi-line arguments (inline scripts) abbreviated.
    public var description: String {
        let parts = arguments.map { argument -> String in
            let firstLine = argument.split(separator: "\n").first.map(String.init) ?? argument
            return firstLine.count > 60 || argument.contains("\n") ? String(firstLine.prefix(40)) + "…" : argument
        }
        return ([executable] + parts).joined(separator: " ")
    }
}
