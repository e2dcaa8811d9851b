/// How a child that ran to its end finished, and what it printed (standard output and error, merged).
public struct ChildExit: Sendable, Hashable {
    public enum Status: Sendable, Hashable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    public var command: ChildCommand
    public var status: Status
    /// The last lines printed (at most ``ChildProcess/retainedLines``), oldest first.
    public var lines: [String]

    public init(command: ChildCommand, status: Status, lines: [String]) {
        self.command = command
        self.status = status
        self.lines = lines
    }

    public var succeeded: Bool { status == .exited(0) }
    public var output: String { lines.joined(separator: "\n") }

    /// The last `count` lines, for an error message.
    public func tail(_ count: Int = 25) -> String { lines.suffix(count).joined(separator: "\n") }

    /// Returns `self` when the child exited with status 0; otherwise throws ``ChildProcessError/failed(_:)``.
    @discardableResult
    public func requireSuccess() throws(ChildProcessError) -> ChildExit {
        guard succeeded else { throw .failed(self) }
        return self
    }
}
