import Foundation

/// The benchmarks' output: results on stdout, progress on stderr, so `--json` output stays clean.
enum BenchConsole {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `value` as pretty JSON with sorted keys.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
