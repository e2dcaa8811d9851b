import ArgumentParser
import Foundation

/// Where the benchmark data and the run folder are.
struct EvalDataOptions: ParsableArguments {
    @Option(help: "Data folder laid out like shared/data (default: $HYPERALIGN_DATA_DIR, else ../shared/data when present).")
    var data: String?

    @Option(help: "Run folder (default: runs/<benchmark>-<slice>). Re-using it resumes the run.")
    var out: String?

    @Flag(help: "Print the summary as JSON on stdout (win-rates, CIs, each judge's ground-truth accuracy).")
    var json = false

    /// The data folder, checked to exist.
    func dataDirectory() throws -> URL {
        let candidates = [data, ProcessInfo.processInfo.environment["HYPERALIGN_DATA_DIR"], "../shared/data"].compactMap { $0 }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        throw CLIFailure(
            "no data folder: give --data DIR (laid out like shared/data) or set $HYPERALIGN_DATA_DIR", exitCode: .badInput)
    }

    func runDirectory(default name: String) -> URL {
        URL(fileURLWithPath: out ?? "runs/\(name)", isDirectory: true).standardizedFileURL
    }
}
