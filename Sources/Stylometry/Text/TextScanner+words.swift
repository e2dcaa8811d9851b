extension TextScanner {
    @inline(__always)
    mutating func wordByte(_ b: UInt8) {
        if wordLength == 0 { wordFirst = b } else if wordLength == 1 { wordSecond = b }
        var lower = b
        if b >= 0x41 && b <= 0x5A {
            wordUpper += 1
            lower = b | 0x20
        } else if b >= 0x61 && b <= 0x7A {
            wordLower += 1
        }
        wordHash = WordHash.step(wordHash, lower)
        wordLength += 1
    }

    mutating func endWord() {
        guard wordLength > 0 else { return }
        let hash = wordHash == 0 ? 1 : wordHash
        wordHashes.append(hash)
        wordBytes += wordLength
        sentenceWords += 1
        paragraphWords += 1
        let index = functionWords.count(of: hash)
        if index > 0 { functionWordCounts[index - 1] += 1 }
        if sentenceWords == 1 { sentenceStartsLowercase = wordFirst >= 0x61 && wordFirst <= 0x7A }
        casing.uppercaseLetters += wordUpper
        casing.lowercaseLetters += wordLower
        if wordUpper >= 2 && wordLower == 0 { casing.allCapsWords += 1 }
        if wordFirst == 0x69 && (wordLength == 1 || wordSecond == 0x27) { casing.lowercaseI += 1 }
        if wordFirst == 0x49 && (wordLength == 1 || wordSecond == 0x27) { casing.uppercaseI += 1 }
        if wordApostrophe { contractions += 1 }
        if hash == http || hash == https || hash == www || hash == urlLink { formatting.links += 1 }
        lastWordIsAbbreviation = (wordLength == 1 && wordUpper + wordLower == 1) || abbreviations.contains(hash)
        wordHash = WordHash.offset
        wordLength = 0
        wordUpper = 0
        wordLower = 0
        wordApostrophe = false
    }

    /// Sentences end at ". ! ?" (`terminated`) or at a line break / the end of the text. Unterminated
    /// fragments under `minimumFragmentWords` words (greetings, sign-offs, list items, headers) are not
    /// counted as sentences, so they do not drag the sentence length distribution down.
    mutating func endSentence(terminated: Bool) {
        endWord()
        if terminated && sentenceWords > 0 { paragraphHasSentence = true }
        if sentenceWords > 0 && (terminated || sentenceWords >= Self.minimumFragmentWords) {
            sentenceLengths.append(sentenceWords)
            casing.sentences += 1
            if sentenceStartsLowercase { casing.sentencesStartingLowercase += 1 }
        }
        sentenceWords = 0
        lastWordIsAbbreviation = false
    }

    static let minimumFragmentWords = 4

    mutating func endParagraph() {
        endSentence(terminated: false)
        // Like sentences: short unterminated lines (greetings, sign-offs, list items) are not paragraphs.
        if paragraphWords > 0 && (paragraphHasSentence || paragraphWords >= Self.minimumFragmentWords) {
            paragraphLengths.append(paragraphWords)
        }
        paragraphWords = 0
        paragraphHasSentence = false
    }
}
