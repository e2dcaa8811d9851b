import Foundation
import Logging
import Synchronization

/// A log handler writing one JSON object per line (time, level, label, message, metadata) to standard
/// error, for log collectors that parse structured lines. `hyperalign serve --log-format json` uses it.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    private let write: @Sendable (Data) -> Void
    private static let output = Mutex(FileHandle.standardError)

    /// A handler for `label` writing each line to standard error, one write per line.
    public init(label: String) {
        self.init(label: label) { line in Self.output.withLock { $0.write(line) } }
    }

    /// A handler for `label` writing each line to `write` (tests, other sinks).
    public init(label: String, write: @escaping @Sendable (Data) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": Date().formatted(.iso8601), "level": event.level.rawValue, "label": label, "message": "\(event.message)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            fields[key] = "\(value)"
        }
        guard var line = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
        line.append(0x0A)
        write(line)
    }
}
