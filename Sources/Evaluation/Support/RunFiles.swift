import Foundation
import RunFolders

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

    /// Writes `value` as a run folder's JSON (``RunJSON``).
    package static func writeJSON<T: Encodable>(_ value: T, to url: URL) throws { try RunJSON.write(value, to: url) }

    /// Reads a JSON file written by ``writeJSON(_:to:)``.
    package static func readJSON<T: Decodable>(_ type: T.Type, from url: URL) throws(EvaluationError) -> T {
        do { return try RunJSON.read(type, from: url) } catch { throw EvaluationError(file: error.file, error.problem) }
    }
}
