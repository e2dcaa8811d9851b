import ArgumentParser
import AuthorshipData
import Foundation

/// Where the benchmark data and the run folder are.
struct EvalDataOptions: ParsableArguments {
    @Option(help: "Data folder laid out like shared/data (default: $HYPERALIGN_DATA_DIR, else ../shared/data; a named folder must exist).")
    var data: String?

    @Option(help: "Run folder (default: runs/<benchmark>-<slice>). Re-using it resumes an authorship or deliberative run from its finished steps; the other benchmarks run again, their answers from the response cache.")
    var out: String?

    @Flag(help: "Print the summary as JSON on stdout (win-rates, CIs, each judge's ground-truth accuracy).")
    var json = false

    /// The data folder, checked to exist (a named folder that is missing is an error, never replaced).
    func dataDirectory() throws -> URL {
        do { return try DataDirectory.resolve(explicit: data) } catch {
            throw CLIFailure(error.description, exitCode: .badInput)
        }
    }

    func runDirectory(default name: String) -> URL {
        URL(fileURLWithPath: out ?? "runs/\(name)", isDirectory: true).standardizedFileURL
    }
}
