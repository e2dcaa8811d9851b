import Foundation

/// The operator's written safety policy, read by the deliberative mode before it answers (SPEC 1.5).
///
/// A plain text or Markdown file the operator owns and edits; HyPerAlign never writes it.
public struct SafetyPolicy: Sendable, Hashable {
    public var text: String
    /// Where it was read from, recorded with results.
    public var origin: String

    public init(text: String, origin: String) {
        self.text = text
        self.origin = origin
    }

    /// Reads the policy from a file.
    /// - Throws: ``InputError`` when the file cannot be read or is empty.
    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw InputError(location: url.path, message: "cannot read the safety policy: \(error.localizedDescription)")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError(location: url.path, message: "the safety policy is empty")
        }
        self.init(text: text, origin: url.lastPathComponent)
    }
}
