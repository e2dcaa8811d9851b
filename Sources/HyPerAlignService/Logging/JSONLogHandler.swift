import Logging

/// A log handler writing one JSON object per line (time, level, label, message, metadata) to standard
/// error, for log collectors that parse structured lines. `hyperalign serve --log-format json` uses it.
///
/// Lines go through a ``LogSink``: formatting happens on the caller's thread, the write on the sink's,
/// so the per-request access line costs no system call and waits for no other request.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    private let write: @Sendable ([UInt8]) -> Void

    /// A handler for `label` writing to standard error through ``LogSink/standardError``.
    public init(label: String) {
        self.init(label: label, sink: .standardError)
    }

    /// A handler for `label` writing to `sink`.
    public init(label: String, sink: LogSink) {
        self.init(label: label) { line in sink.append(line) }
    }

    /// A handler for `label` handing each line, newline included, to `write` (tests, other sinks).
    public init(label: String, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = LogLine()
        line.append(#"{"time":""#)
        line.appendTimestamp()
        line.append(#"","level":""#)
        line.append(event.level.rawValue)
        line.append(#"","label":"#)
        line.appendJSONString(label)
        line.append(#","message":"#)
        line.appendJSONString("\(event.message)")
        for (key, value) in LogLine.merged(metadata, event.metadata) where !Self.reserved.contains(key) {
            line.append(byte: UInt8(ascii: ","))
            line.appendJSONString(key)
            line.append(byte: UInt8(ascii: ":"))
            line.appendJSONString("\(value)")
        }
        line.append("}\n")
        write(line.bytes)
    }

    /// The line's own fields, which metadata cannot replace.
    static let reserved: Set<String> = ["time", "level", "label", "message"]
}
