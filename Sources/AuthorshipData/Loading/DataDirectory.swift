import Foundation

/// Where the data sets are: the one rule shared by `eval`, `infer --refine` and the benchmarks.
///
/// A folder that is named (`--data DIR`, then `$HYPERALIGN_DATA_DIR`) must exist: a typo is reported, never
/// silently replaced by another folder. Only when nothing is named is `../shared/data` tried.
public enum DataDirectory {
    /// The environment variable naming the data folder.
    public static let environmentVariable = "HYPERALIGN_DATA_DIR"
    /// The folder tried when none is named.
    public static let conventional = "../shared/data"

    /// The data folder, checked to exist.
    /// - Parameter explicit: the folder given on the command line, if any.
    /// - Throws: ``AuthorshipDataError`` naming the missing folder and how to give one.
    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(AuthorshipDataError) -> URL {
        let named = explicit ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        let path = named ?? conventional
        guard FileManager.default.fileExists(atPath: path) else {
            let how = "give --data DIR (laid out like shared/data) or set $\(environmentVariable)"
            throw AuthorshipDataError(file: path, problem: named == nil ? "no data folder here; \(how)" : "does not exist; \(how)")
        }
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}
