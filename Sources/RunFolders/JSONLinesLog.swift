import Foundation
import Synchronization

/// An append-only JSONL file of finished records: the memory of a run that survives `kill -9`.
///
/// Each record is written with one `write(2)` as soon as it is finished, so a killed run loses at most
/// the record being written. On open, a torn last line (a write cut short) is cut off, so appends never
/// glue onto half a record.
public final class JSONLinesLog<Record: Codable & Sendable>: Sendable {
    public let url: URL
    private let handle: Mutex<FileHandle>

    /// Opens (creating if needed) the log at `url` and returns it with the records already in it.
    public static func open(_ url: URL) throws -> (log: JSONLinesLog, records: [Record]) {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !manager.fileExists(atPath: url.path) { manager.createFile(atPath: url.path, contents: nil) }
        let data = try Data(contentsOf: url)
        var records: [Record] = []
        var validLength = 0
        var lineStart = data.startIndex
        let decoder = JSONDecoder()
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            let line = data[lineStart..<index]
            lineStart = index + 1
            guard !line.isEmpty, let record = try? decoder.decode(Record.self, from: line) else { continue }
            records.append(record)
            validLength = index + 1 - data.startIndex
        }
        let handle = try FileHandle(forUpdating: url)
        if validLength < data.count {
            // A torn tail from an interrupted write: keep only complete records.
            try handle.truncate(atOffset: UInt64(validLength))
        }
        try handle.seekToEnd()
        return (JSONLinesLog(url: url, handle: handle), records)
    }

    private init(url: URL, handle: FileHandle) {
        self.url = url
        self.handle = Mutex(handle)
    }

    /// Appends one record as one line.
    public func append(_ record: Record) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(record)
        data.append(UInt8(ascii: "\n"))
        try handle.withLock { try $0.write(contentsOf: data) }
    }

    deinit {
        handle.withLock { try? $0.close() }
    }
}
