import Foundation

/// The string rules request bodies are checked by, each with the JSON-Schema form the OpenAPI document
/// states, so the document and the server accept exactly the same strings.
enum TextRules {
    /// Unicode whitespace and line breaks (Foundation's `whitespacesAndNewlines`, spelled out so the
    /// document's pattern names exactly these characters on every platform).
    static let whitespace = CharacterSet(charactersIn:
        "\t\n\u{0B}\u{0C}\r \u{85}\u{A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}")

    /// ``whitespace`` as the inside of a regular-expression character class, as JSON string content
    /// (backslashes escaped): ECMA-262 and Python `re` read it alike.
    private static let whitespaceClass =
        #"\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"#

    /// The JSON-Schema `pattern` of a string with at least one character outside ``whitespace``.
    static let nonBlankPattern = "[^" + whitespaceClass + "]"

    /// The `pattern` of a stored text: not blank, and without U+0000, which stores cut a text column at
    /// (SQLite reads it as a C string) or refuse (PostgreSQL). One pattern whose parts cannot overlap, so
    /// a validator matches it in linear time (an `allOf` of two patterns stalls schema-driven generators).
    static let textPattern = "^[" + whitespaceClass + #"]*[^\\u0000"# + whitespaceClass + #"][^\\u0000]*$"#

    /// The `pattern` of a string without U+0000.
    static let noNULPattern = #"^[^\\u0000]*$"#

    /// True when `text` holds U+0000.
    static func containsNUL(_ text: String) -> Bool {
        text.utf8.contains(0)
    }

    /// True when `text` has no character outside ``whitespace`` (the empty string too).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(whitespace.contains)
    }

    /// A string's length as JSON Schema counts it (`minLength`, `maxLength`): in code points, not in
    /// grapheme clusters as `String.count` does.
    static func length(_ text: String) -> Int {
        text.unicodeScalars.count
    }
}
