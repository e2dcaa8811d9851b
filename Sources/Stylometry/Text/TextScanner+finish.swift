extension TextScanner {
    /// Assembles the collected counts into `TextFeatures`.
    mutating func finish(text: String) -> TextFeatures {
        flushNGrams()
        var marks: [PunctuationMark: Int] = [:]
        for mark in PunctuationMark.allCases where punctuation[mark.index] > 0 {
            marks[mark] = punctuation[mark.index]
        }
        return TextFeatures(
            byteCount: text.utf8.count,
            characterNGrams: SparseVector(counts: nGrams),
            wordCount: wordHashes.count,
            meanWordLength: wordHashes.isEmpty ? 0 : Double(wordBytes) / Double(wordHashes.count),
            functionWordCounts: functionWordCounts,
            sentenceLengths: sentenceLengths,
            paragraphLengths: paragraphLengths,
            vocabulary: VocabularyRichness(wordHashes: wordHashes, window: mattrWindow),
            punctuation: PunctuationProfile(counts: marks),
            casing: casing,
            formatting: formatting,
            openingsAndClosings: OpeningsAndClosings(text: text),
            contractions: contractions
        )
    }
}
