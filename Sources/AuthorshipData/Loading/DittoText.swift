/// DITTO's whitespace normalisation, so training texts look like DITTO's outputs.
///
/// DITTO strips tabs, carriage returns and no-break spaces and joins the words (Python `str.split()`)
/// with single spaces; verified to reproduce every `output` of the shared split files from its `source`.
enum DittoText {
    static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0D, 0xA0:
                continue
            case 0x0A, 0x0B, 0x0C, 0x1C...0x20, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text as its author laid it out: every line normalised as DITTO does, line breaks kept, runs of
    /// blank lines shortened to one. Its non-empty lines joined with single spaces are ``normalize(_:)``'s result.
    static func keepingLines(_ text: String) -> String {
        var lines: [String] = []
        // By scalars: "\r\n" is one Character, which a split on "\n" would not see.
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let normalized = normalize(String(String.UnicodeScalarView(line)))
            if normalized.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(normalized)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
