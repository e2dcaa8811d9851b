/// A comparison form of a statement (lowercased, letters and digits only), to recognise the same
/// hypothesis worded with different spacing or punctuation.
enum StatementKey {
    static func normalize(_ statement: String) -> String {
        statement.lowercased().unicodeScalars
            .filter { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " }
            .map(String.init).joined()
            .split(separator: " ").joined(separator: " ")
    }
}
