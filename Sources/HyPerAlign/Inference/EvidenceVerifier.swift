import Foundation
import Stylometry

/// Checks that each evidence quote really occurs in the person's texts, and repairs near misses.
///
/// A quote counts only with at least ``minimumWords`` words, found on word boundaries (ignoring case,
/// whitespace, quote style and surrounding punctuation): `"the"` or `"ship"` inside `"shipment"` is no
/// evidence. A quote that is not found is split at an ellipsis into fragments that are found, or repaired
/// to the sentence sharing at least `minimumOverlap` of its content words (function words excluded), so a
/// made-up quote is never swapped for an unrelated sentence; otherwise it is dropped.
public struct EvidenceVerifier: Sendable {
    public enum Verdict: Sendable, Hashable, Codable {
        case verbatim
        case repaired(original: String)
        case notFound
    }

    public var minimumOverlap: Double
    /// The fewest words a quote (or a repaired fragment) may have.
    public var minimumWords: Int
    private let normalizedCorpus: String
    private let sentences: [(original: String, words: Set<String>)]

    public init(texts: [String], minimumOverlap: Double = 0.8, minimumWords: Int = 4) {
        self.minimumOverlap = minimumOverlap
        self.minimumWords = minimumWords
        normalizedCorpus = texts.map(Self.normalize).joined(separator: " \u{1} ")
        sentences = texts.flatMap(Self.sentences).map { ($0, Self.contentWords($0)) }
    }

    /// The quotes to keep for one hypothesis, each with how it was found.
    public func verify(_ quotes: [String]) -> [(quote: String, verdict: Verdict)] {
        var result: [(String, Verdict)] = []
        for quote in quotes {
            let trimmed = quote.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "\"'“”‘’")))
            guard !trimmed.isEmpty else { continue }
            guard Self.words(trimmed).count >= minimumWords else {
                result.append((trimmed, .notFound))
                continue
            }
            if contains(trimmed) {
                result.append((trimmed, .verbatim))
                continue
            }
            let fragments = trimmed.components(separatedBy: "...").flatMap { $0.components(separatedBy: "…") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { Self.words($0).count >= minimumWords && contains($0) }
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

    /// Whether `quote` occurs in the texts starting and ending on word boundaries.
    public func contains(_ quote: String) -> Bool {
        let needle = Self.normalize(quote)
        guard !needle.isEmpty else { return false }
        var searchStart = normalizedCorpus.startIndex
        while let range = normalizedCorpus.range(of: needle, range: searchStart..<normalizedCorpus.endIndex) {
            let before = range.lowerBound == normalizedCorpus.startIndex ? nil : normalizedCorpus[normalizedCorpus.index(before: range.lowerBound)]
            let after = range.upperBound == normalizedCorpus.endIndex ? nil : normalizedCorpus[range.upperBound]
            let joinsBefore = before.map { Self.isWordCharacter($0) } == true && needle.first.map(Self.isWordCharacter) == true
            let joinsAfter = after.map { Self.isWordCharacter($0) } == true && needle.last.map(Self.isWordCharacter) == true
            if !joinsBefore && !joinsAfter { return true }
            searchStart = normalizedCorpus.index(after: range.lowerBound)
        }
        return false
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// The verbatim sentence sharing at least `minimumOverlap` of the quote's content words.
    func closestSentence(to quote: String) -> String? {
        let wanted = Self.contentWords(quote)
        guard Self.words(quote).count >= minimumWords, !wanted.isEmpty else { return nil }
        var best: (score: Double, sentence: String)?
        for sentence in sentences where Self.words(sentence.original).count >= minimumWords {
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

    /// The words of `text` that carry content: function words (``FunctionWords``) removed.
    static func contentWords(_ text: String) -> Set<String> {
        Set(words(text)).subtracting(stopwords)
    }

    static let stopwords = Set(FunctionWords.list)

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
