import Foundation

/// One decoded JSON object plus where it came from, so every field error names its location.
struct JSONRecord {
    let object: [String: Any]
    let file: String
    let line: Int?
    let item: Int?

    func error(_ field: String?, _ problem: String) -> AuthorshipDataError {
        AuthorshipDataError(file: file, line: line, item: item, field: field, problem: problem)
    }

    /// A required string field; empty strings are rejected when `allowEmpty` is false.
    func string(_ field: String, allowEmpty: Bool = false) throws(AuthorshipDataError) -> String {
        guard let value = object[field], !(value is NSNullLike) else { throw error(field, "is missing") }
        guard let string = value as? String else { throw error(field, "is not a string") }
        if !allowEmpty && string.trimmingWhitespace().isEmpty { throw error(field, "is empty") }
        return string
    }

    /// A required integer field.
    func int(_ field: String) throws(AuthorshipDataError) -> Int {
        guard let value = object[field], !(value is NSNullLike) else { throw error(field, "is missing") }
        if let int = value as? Int { return int }
        if let string = value as? String, let int = Int(string) { return int }
        throw error(field, "is not an integer")
    }

    /// A required array of strings (a single string is accepted as a one-element array).
    func strings(_ field: String) throws(AuthorshipDataError) -> [String] {
        guard let value = object[field], !(value is NSNullLike) else { throw error(field, "is missing") }
        if let string = value as? String { return [string] }
        guard let array = value as? [Any], let strings = array as? [String] else {
            throw error(field, "is not a list of strings")
        }
        return strings
    }
}

/// Marker for JSON null as decoded by `JSONSerialization` (`NSNull`).
typealias NSNullLike = NSNull

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
