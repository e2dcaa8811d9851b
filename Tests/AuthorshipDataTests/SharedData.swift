import Foundation

/// Where the shared data lives: `HYPERALIGN_DATA_DIR`, else `<repo>/../shared/data`.
enum SharedData {
    static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["HYPERALIGN_DATA_DIR"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    static func has(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(relativePath).path)
    }

    static let skipMessage = "shared data not found (set HYPERALIGN_DATA_DIR to the shared data folder)"
}
