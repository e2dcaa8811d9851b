/// A long-running child (a model server) while its scope lasts; see ``ChildProcess/withSupervised(_:logFile:grace:body:)``.
public struct SupervisedChild: Sendable {
    /// The child's process id: the command itself (the watchdog wrapper `exec`s it).
    public let processIdentifier: Int32

    /// False once the child has exited, even before it is reaped.
    public var isRunning: Bool { ChildLiveness.isAlive(processIdentifier) }
}
