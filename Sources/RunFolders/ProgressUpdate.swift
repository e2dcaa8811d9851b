import Foundation

/// Where a run is: finished and total steps of the current phase, with an estimate of the time left.
public struct ProgressUpdate: Sendable, Hashable {
    public var phase: String
    public var done: Int
    public var total: Int
    /// Steps served from earlier work (the run log or the response cache) count as done but not toward the ETA.
    public var resumed: Int
    public var elapsed: Duration
    /// Time left at the current pace; nil until a step has been timed.
    public var remaining: Duration?

    /// "generating 12/40 (3 resumed) · 1m20s elapsed · ETA 2m05s".
    public var line: String {
        var text = "\(phase) \(done)/\(total)"
        if resumed > 0 { text += " (\(resumed) resumed)" }
        text += " · \(Self.format(elapsed)) elapsed"
        if let remaining, done < total { text += " · ETA \(Self.format(remaining))" }
        return text
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        if seconds >= 3600 { return "\(seconds / 3600)h\(String(format: "%02d", seconds % 3600 / 60))m" }
        if seconds >= 60 { return "\(seconds / 60)m\(String(format: "%02d", seconds % 60))s" }
        return "\(seconds)s"
    }
}

/// Receives progress updates; called from many tasks, so it must be thread-safe.
public typealias ProgressHandler = @Sendable (ProgressUpdate) -> Void
