import Foundation

/// Reads the JSONL and JSON-array files of a dataset folder into `JSONRecord`s.
struct DataFileReader {
    let dataDirectory: URL

    /// The file's URL and its name relative to the data directory (for messages).
    func locate(_ relativePath: String) -> (url: URL, name: String) {
        (dataDirectory.appendingPathComponent(relativePath), relativePath)
    }

    func data(_ relativePath: String) throws(AuthorshipDataError) -> Data {
        let (url, name) = locate(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw AuthorshipDataError(file: name, problem: "file not found in \(dataDirectory.path)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw AuthorshipDataError(file: name, problem: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// One record per non-blank line of a JSONL file.
    func jsonLines(_ relativePath: String) throws(AuthorshipDataError) -> [JSONRecord] {
        let bytes = try data(relativePath)
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw AuthorshipDataError(file: relativePath, problem: "is not valid UTF-8")
        }
        var records: [JSONRecord] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let object = parsed as? [String: Any] else {
                throw AuthorshipDataError(file: relativePath, line: lineNumber, problem: "is not a JSON object")
            }
            records.append(JSONRecord(object: object, file: relativePath, line: lineNumber, item: nil))
        }
        return records
    }

    /// One record per element of a JSON array file.
    func jsonArray(_ relativePath: String) throws(AuthorshipDataError) -> [JSONRecord] {
        let bytes = try data(relativePath)
        guard let parsed = try? JSONSerialization.jsonObject(with: bytes) else {
            throw AuthorshipDataError(file: relativePath, problem: "is not valid JSON")
        }
        guard let array = parsed as? [Any] else {
            throw AuthorshipDataError(file: relativePath, problem: "is not a JSON array")
        }
        var records: [JSONRecord] = []
        for (index, element) in array.enumerated() {
            guard let object = element as? [String: Any] else {
                throw AuthorshipDataError(file: relativePath, item: index, problem: "is not a JSON object")
            }
            records.append(JSONRecord(object: object, file: relativePath, line: nil, item: index))
        }
        return records
    }
}
