import Foundation
import RunFolders

/// The episode results of a run, on a ``JSONLinesLog``, so an interrupted grid resumes where it stopped.
///
/// One line per finished episode; a torn last line (a crash mid-write) is cut off on open, so the next
/// result is never glued onto it.
public actor ResultStore {
    public let url: URL
    private let log: JSONLinesLog<EpisodeResult>
    private var results: [EpisodeKey: EpisodeResult] = [:]

    /// Opens (or creates) the store at `url` and loads what it holds.
    /// - Throws: `GoalDirectednessError` if the file cannot be created or read.
    public init(url: URL) throws(GoalDirectednessError) {
        self.url = url
        do {
            let (log, records) = try JSONLinesLog<EpisodeResult>.open(url)
            self.log = log
            for result in records { results[result.key] = result }
        } catch {
            throw .store("cannot open \(url.path): \(error)")
        }
    }

    /// Whether `key` is already finished.
    public func contains(_ key: EpisodeKey) -> Bool { results[key] != nil }

    /// Every stored result, in key order.
    public func all() -> [EpisodeResult] { results.values.sorted { $0.key < $1.key } }

    /// Appends `result` to the file and the cache.
    public func record(_ result: EpisodeResult) throws(GoalDirectednessError) {
        do { try log.append(result) } catch { throw .store("cannot append to \(url.path): \(error)") }
        results[result.key] = result
    }
}
