import Foundation

/// A JSON-lines cache of episode results, so an interrupted grid resumes where it stopped.
///
/// One line per finished episode; a torn last line (a crash mid-write) is ignored on load.
public actor ResultStore {
    public let url: URL
    private var results: [EpisodeKey: EpisodeResult] = [:]

    /// Opens (or creates) the store at `url` and loads what it holds.
    /// - Throws: `GoalDirectednessError` if the file cannot be created or read.
    public init(url: URL) throws(GoalDirectednessError) {
        self.url = url
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil) else { throw .store("cannot create \(url.path)") }
        }
        guard let data = try? Data(contentsOf: url) else { throw .store("cannot read \(url.path)") }
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let result = try? decoder.decode(EpisodeResult.self, from: Data(line)) { results[result.key] = result }
        }
    }

    /// Whether `key` is already finished.
    public func contains(_ key: EpisodeKey) -> Bool { results[key] != nil }

    /// Every stored result, in key order.
    public func all() -> [EpisodeResult] { results.values.sorted { $0.key < $1.key } }

    /// Appends `result` to the file and the cache.
    public func record(_ result: EpisodeResult) throws(GoalDirectednessError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(result) else { throw .store("cannot encode \(result.key)") }
        line.append(UInt8(ascii: "\n"))
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } catch {
            throw .store("cannot append to \(url.path): \(error)")
        }
        results[result.key] = result
    }
}
