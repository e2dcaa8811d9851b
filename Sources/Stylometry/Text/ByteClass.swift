/// Byte-level character classes for scanning UTF-8 without decoding it.
enum ByteClass {
    @inline(__always)
    static func isASCIILetterOrDigit(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// A byte that can continue a word: ASCII alphanumerics or part of a non-ASCII scalar.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        isASCIILetterOrDigit(b) || b >= 0x80
    }

    /// Abbreviations after which a period does not end a sentence (FNV hashes of lowercase forms).
    static let abbreviations: Set<UInt64> = Set([
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "vs", "gen",
        "gov", "sen", "rep", "mt", "ft", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "pp", "fig", "dept", "univ", "bros",
    ].map(WordHash.hash))
}
