/// What ``ChildProcess/capture(_:limit:grace:)`` collected.
public struct CapturedOutput: Sendable, Hashable {
    public var status: ChildExit.Status
    public var standardOutput: String
    public var standardError: String
}
