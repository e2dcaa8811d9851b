extension String {
    /// The text with every run of whitespace made one space and the ends trimmed: texts that differ only in
    /// layout compare equal, and measures of words and punctuation are not moved by line breaks.
    package var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
