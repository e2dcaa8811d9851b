import Crypto
import Foundation

/// A person HyPerAlign personalizes for: an id, their texts, and known attributes.
public struct UserProfile: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var texts: [UserText]
    /// Facts known about the person or situation (role, audience, …), free key/value pairs.
    public var attributes: [String: String]
    /// Bumped by the store on every write; guards against lost updates between replicas.
    public var revision: Int
    public var updatedAt: Date

    public init(
        id: String, texts: [UserText] = [], attributes: [String: String] = [:], revision: Int = 0,
        updatedAt: Date = Date()
    ) {
        self.id = id
        self.texts = texts
        self.attributes = attributes
        self.revision = revision
        self.updatedAt = updatedAt
    }

    /// A SHA-256 over the texts and their prompts: hypotheses record it, so a profile whose texts changed
    /// since inference is known to be stale.
    public var textsHash: String { Self.hash(of: texts) }

    public static func hash(of texts: [UserText]) -> String {
        var hasher = SHA256()
        for text in texts {
            hasher.update(data: Data((text.prompt ?? "").utf8))
            hasher.update(data: Data([0x1F]))
            hasher.update(data: Data(text.text.utf8))
            hasher.update(data: Data([0x1E]))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// Profile ids are used in file names, URLs and SQL keys: keep them to a safe alphabet.
public enum UserID {
    /// The rule as a regular expression (ECMA-262 and POSIX alike), for API documents.
    public static let pattern = "^[A-Za-z0-9_@-][A-Za-z0-9_.@-]{0,127}$"

    /// ASCII letters and digits only: the same id then has one spelling in every normalization form and
    /// the same length for every counter (characters, code points, bytes).
    public static func validate(_ id: String) throws {
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.@".unicodeScalars.contains(scalar))
        }
        guard !id.isEmpty, id.unicodeScalars.count <= 128, allowed, id.first != "." else {
            throw InputError(
                location: "user id '\(id)'",
                message: "must be 1–128 characters of ASCII letters, digits, '-', '_', '.', '@' (not starting with '.')")
        }
    }
}
