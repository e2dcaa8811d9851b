import Foundation

/// A text cut into runs, the runs that are evidence quotes marked: the page escapes every run and wraps
/// the marked ones in `<mark>`, so a quote is highlighted where it stands without any HTML being built
/// from the person's words.
public struct HighlightedText: Sendable, Hashable {
    public struct Run: Sendable, Hashable {
        public var text: String
        public var marked: Bool
    }

    public var runs: [Run]

    /// `text` with every occurrence of each of `quotes` marked (overlapping quotes merge). A quote is matched
    /// exactly, else ignoring case.
    public init(_ text: String, quotes: [String]) {
        var ranges: [Range<String.Index>] = []
        for quote in Set(quotes) where !quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            var found = Self.occurrences(of: quote, in: text, options: [])
            if found.isEmpty { found = Self.occurrences(of: quote, in: text, options: [.caseInsensitive]) }
            ranges += found
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var runs: [Run] = []
        var cursor = text.startIndex
        for range in merged {
            if cursor < range.lowerBound { runs.append(Run(text: String(text[cursor..<range.lowerBound]), marked: false)) }
            runs.append(Run(text: String(text[range]), marked: true))
            cursor = range.upperBound
        }
        if cursor < text.endIndex { runs.append(Run(text: String(text[cursor...]), marked: false)) }
        self.runs = runs
    }

    /// Whether `quote` occurs in `text` as ``init(_:quotes:)`` would mark it.
    public static func contains(_ text: String, quote: String) -> Bool {
        text.range(of: quote) != nil || text.range(of: quote, options: .caseInsensitive) != nil
    }

    static func occurrences(of quote: String, in text: String, options: String.CompareOptions) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        while start < text.endIndex, let range = text.range(of: quote, options: options, range: start..<text.endIndex) {
            found.append(range)
            start = range.upperBound
        }
        return found
    }
}
