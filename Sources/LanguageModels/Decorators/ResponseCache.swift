import Crypto
import Foundation

/// A content-addressed, on-disk store of chat responses: the key is a SHA-256 of the model, every
/// generation parameter and the messages, so the same call is never paid for twice.
///
/// Entries are written atomically (temporary file, then rename): a run killed mid-write leaves either
/// the whole entry or none, and a resumed run picks up every finished call.
public struct ResponseCache: Sendable {
    public let directory: URL

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The cache key of `request` sent to `model`; nil when the request cannot be encoded (a NaN
    /// parameter), so such a request bypasses the cache instead of sharing one entry with every other.
    public static func key(model: ModelID, request: ChatRequest) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        struct Keyed: Encodable {
            var version: Int
            var model: ModelID
            var request: ChatRequest
        }
        // Version 2 for schema requests: since then their properties are sent in the schema's own order, not
        // sorted, so a response cached before answered a different request. Other requests are sent as before.
        let version = if case .jsonSchema = request.responseFormat { 2 } else { 1 }
        guard let data = try? encoder.encode(Keyed(version: version, model: model, request: request)) else { return nil }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public func response(forKey key: String) -> ChatResponse? {
        guard let data = try? Data(contentsOf: path(for: key)) else { return nil }
        return try? JSONDecoder().decode(ChatResponse.self, from: data)
    }

    public func store(_ response: ChatResponse, forKey key: String) throws {
        let destination = path(for: key)
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(response)
        try data.write(to: destination, options: .atomic)
    }

    /// Number of stored entries.
    public func count() -> Int {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var total = 0
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { total += 1 }
        }
        return total
    }

    private func path(for key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2)), isDirectory: true)
            .appendingPathComponent(key + ".json")
    }
}
