import Foundation

/// The JSON files of a run folder (manifests, summaries): pretty, key-sorted, dates in ISO 8601 and NaN
/// as the string "nan", written atomically — one format for every evaluation's folder.
public enum RunJSON {
    /// Writes `value` to `url`, creating its folder.
    public static func write<T: Encodable>(_ value: T, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder().encode(value).write(to: url, options: .atomic)
    }

    /// Reads a file written by ``write(_:to:)``.
    /// - Throws: ``RunFolderError`` naming the file when it is missing or not a `T`.
    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws(RunFolderError) -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RunFolderError(file: url.path, "cannot be read (is this a run folder?)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do { return try decoder.decode(type, from: data) } catch {
            throw RunFolderError(file: url.path, "is not a valid \(T.self): \(error)")
        }
    }

    /// The encoder of every JSON file of a run and of `--json` output.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}
