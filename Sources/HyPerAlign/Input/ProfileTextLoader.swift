import Foundation

/// Reads a person's texts from JSONL, CSV, plain-text files or a folder of them.
///
/// Every problem is reported with its file, line and field, and nothing is half-loaded: a load either
/// returns all texts or throws, so a store is never updated from a broken file.
///
/// Formats:
/// - `.jsonl` — one object per line with `text` (required), and optional `prompt` (or `context`) and `id`;
/// - `.csv` — a header row with a `text` column, optional `prompt`/`context` and `id` columns;
/// - `.txt`, `.md` — the whole file is one text;
/// - a folder — every file of those kinds in it, in name order.
public struct ProfileTextLoader: Sendable {
    /// Texts longer than this are refused (a whole book is not "a few texts").
    public var maxTextBytes: Int

    public init(maxTextBytes: Int = 1_000_000) {
        self.maxTextBytes = maxTextBytes
    }

    public static let supportedExtensions: Set<String> = ["jsonl", "csv", "txt", "md"]

    public func load(_ paths: [URL]) throws -> [UserText] {
        var texts: [UserText] = []
        for path in paths { texts += try load(path) }
        var seen: Set<String> = []
        for (index, text) in texts.enumerated() where !seen.insert(text.id).inserted {
            texts[index].id = "\(text.id)#\(index)"
        }
        return texts
    }

    public func load(_ path: URL) throws -> [UserText] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw InputError(file: path.path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            let entries = try FileManager.default.contentsOfDirectory(
                at: path, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            let files = entries.filter { Self.supportedExtensions.contains($0.pathExtension.lowercased()) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            guard !files.isEmpty else {
                throw InputError(file: path.path, message: "folder holds no .jsonl, .csv, .txt or .md files")
            }
            return try files.flatMap { try loadFile($0) }
        }
        return try loadFile(path)
    }

    func loadFile(_ file: URL) throws -> [UserText] {
        let name = file.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw InputError(file: file.path, message: "cannot read: \(error.localizedDescription)")
        }
        guard let content = String(data: data, encoding: .utf8) else {
            let line = Self.firstInvalidUTF8Line(data)
            throw InputError(file: name, line: line, message: "is not valid UTF-8 text")
        }
        if content.contains("\0") {
            throw InputError(file: name, message: "contains NUL bytes: a binary file, not text")
        }
        switch file.pathExtension.lowercased() {
        case "jsonl": return try JSONLTextParser(file: name, maxTextBytes: maxTextBytes).parse(content)
        case "csv": return try CSVTextParser(file: name, maxTextBytes: maxTextBytes).parse(content)
        case "txt", "md":
            let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw InputError(file: name, message: "the file is empty") }
            guard text.utf8.count <= maxTextBytes else {
                throw InputError(file: name, message: "text is longer than \(maxTextBytes) bytes")
            }
            return [UserText(id: file.deletingPathExtension().lastPathComponent, text: text, source: name)]
        default:
            throw InputError(
                file: name, message: "unsupported file type '.\(file.pathExtension)' (use .jsonl, .csv, .txt or .md)")
        }
    }

    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[lineStart..<index], encoding: .utf8) == nil { return line }
            line += 1
            lineStart = data.index(after: index)
        }
        return line
    }
}
