import Foundation

/// JSON columns (shared by the SQLite and PostgreSQL stores): ISO 8601 dates, sorted keys, and a readable error naming the record when a value is damaged.
public enum StoredJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String, what: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "stored \(what) cannot be read: \(error)")
        }
    }
}
