import Logging

/// A log handler writing swift-log's plain text lines (`TIME LEVEL LABEL: key=value … [SOURCE] MESSAGE`)
/// to standard error through a ``LogSink``, with the time in UTC: the default of `hyperalign serve`.
///
/// Unlike swift-log's `StreamLogHandler`, a line costs the caller no system call (no `fflush` under the
/// stream's lock) and no time-zone lookup under glibc's time-zone lock.
public struct TextLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    let sink: LogSink

    /// A handler for `label` writing to `sink` (standard error by default).
    public init(label: String, sink: LogSink = .standardError) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = LogLine()
        line.appendTimestamp()
        line.append(byte: UInt8(ascii: " "))
        line.append(event.level.rawValue)
        line.append(byte: UInt8(ascii: " "))
        line.append(label)
        line.append(byte: UInt8(ascii: ":"))
        for (key, value) in LogLine.merged(metadata, event.metadata) {
            line.append(byte: UInt8(ascii: " "))
            line.append(key)
            line.append(byte: UInt8(ascii: "="))
            line.append("\(value)")
        }
        line.append(" [")
        line.append(event.source)
        line.append("] ")
        line.append("\(event.message)")
        line.append(byte: UInt8(ascii: "\n"))
        sink.append(line.bytes)
    }
}
