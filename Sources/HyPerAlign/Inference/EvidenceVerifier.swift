import Foundation

/// Checks that each evidence quote really occurs in the person's texts, and repairs near misses.
///
/// Matching ignores case, whitespace, quote style and surrounding punctuation. A quote that is not found
/// is repaired to the verbatim sentence it overlaps most (at least `minimumOverlap` of its words), or split
/// at an ellipsis into fragments that are found; otherwise it is dropped.
public struct EvidenceVerifier: Sendable {
    public enum Verdict: Sendable, Hashable, Codable {
        case verbatim
        case repaired(original: String)
        case notFound
    }

    public var minimumOverlap: Double
    private let normalizedCorpus: String
    private let sentences: [(original: String, words: Set<String>)]

    public init(texts: [String], minimumOverlap: Double = 0.6) {
        self.minimumOverlap = minimumOverlap
        normalizedCorpus = texts.map(Self.normalize).joined(separator: " \u{1}")
        sentences = texts.flatMap(Self.sentences).map { ($0, Set(Self.words($0))) }
    }

    /// The quotes to keep for one hypothesis, each with how it was found.
    public func verify(_ quotes: [String]) -> [(quote: String, verdict: Verdict)] {
        var result: [(String, Verdict)] = []
        for quote in quotes {
            let trimmed = quote.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "\"'“”‘’")))
            guard !trimmed.isEmpty else { continue }
            if contains(trimmed) {
                result.append((trimmed, .verbatim))
                continue
            }
            let fragments = trimmed.components(separatedBy: "...").flatMap { $0.components(separatedBy: "…") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { Self.words($0).count >= 3 && contains($0) }
            if !fragments.isEmpty {
                result += fragments.map { ($0, .repaired(original: trimmed)) }
            } else if let sentence = closestSentence(to: trimmed) {
                result.append((sentence, .repaired(original: trimmed)))
            } else {
                result.append((trimmed, .notFound))
            }
        }
        var seen: Set<String> = []
        return result.filter { seen.insert(Self.normalize($0.0)).inserted }
    }

    public func contains(_ quote: String) -> Bool {
        let needle = Self.normalize(quote)
        return !needle.isEmpty && normalizedCorpus.contains(needle)
    }

    func closestSentence(to quote: String) -> String? {
        let quoteWords = Self.words(quote)
        guard quoteWords.count >= 3 else { return nil }
        let wanted = Set(quoteWords)
        var best: (score: Double, sentence: String)?
        for sentence in sentences {
            let overlap = Double(wanted.intersection(sentence.words).count) / Double(wanted.count)
            if overlap >= minimumOverlap, overlap > (best?.score ?? 0) { best = (overlap, sentence.original) }
        }
        guard let sentence = best?.sentence else { return nil }
        return sentence.count > 240 ? nil : sentence
    }

    static func normalize(_ text: String) -> String {
        var output = ""
        var lastWasSpace = true
        for scalar in text.lowercased().unicodeScalars {
            let mapped: Unicode.Scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "`": mapped = "'"
            case "\u{201C}", "\u{201D}": mapped = "\""
            case "\u{2013}", "\u{2014}": mapped = "-"
            default: mapped = scalar
            }
            if mapped.properties.isWhitespace {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
            } else {
                output.unicodeScalars.append(mapped)
                lastWasSpace = false
            }
        }
        return output.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
    }

    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?\n".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { sentences.append(trimmed) }
                current = ""
            }
        }
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { sentences.append(trimmed) }
        return sentences
    }
}
