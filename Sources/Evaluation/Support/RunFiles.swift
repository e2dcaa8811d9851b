import Foundation

/// The files of one run folder, so every part of the evaluation agrees on names.
///
/// `run.json` (what was asked), `generations.jsonl` and `comparisons.jsonl` (every finished step),
/// `summary.json`, `report.md`, `report.html` and `winrate.svg` (derived; rebuilt by `hyperalign report`).
public struct RunFiles: Sendable, Hashable {
    public var directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var manifest: URL { directory.appendingPathComponent("run.json") }
    public var generations: URL { directory.appendingPathComponent("generations.jsonl") }
    public var comparisons: URL { directory.appendingPathComponent("comparisons.jsonl") }
    public var summary: URL { directory.appendingPathComponent("summary.json") }
    public var markdown: URL { directory.appendingPathComponent("report.md") }
    public var html: URL { directory.appendingPathComponent("report.html") }
    public var plot: URL { directory.appendingPathComponent("winrate.svg") }

    /// Writes `value` as pretty, key-sorted JSON (NaN as the string "nan").
    public static func writeJSON<T: Encodable>(_ value: T, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder().encode(value).write(to: url, options: .atomic)
    }

    /// Reads a JSON file written by ``writeJSON(_:to:)``.
    public static func readJSON<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EvaluationError(file: url.path, "cannot be read (is this a run folder?)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do { return try decoder.decode(type, from: data) } catch {
            throw EvaluationError(file: url.path, "is not a valid \(T.self): \(error)")
        }
    }

    /// The encoder used for every JSON file of a run and for `--json`.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}
