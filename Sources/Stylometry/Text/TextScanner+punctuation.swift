extension TextScanner {
    /// ASCII punctuation and symbols, including sentence ends.
    mutating func scanASCIIPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        let next = byte(bytes, i + 1)
        // Inner apostrophes and hyphens stay in the word: "don't", "scandal-scarred".
        if (b == 0x27 || b == 0x2D) && wordLength > 0 && ByteClass.isWordByte(next) {
            wordByte(b)
            if b == 0x27 { wordApostrophe = true }
            emit(b)
            return i + 1
        }
        // Decimal points and thousands separators stay in the number: "3.5", "1,000".
        if (b == 0x2E || b == 0x2C) && wordLength > 0 && next >= 0x30 && next <= 0x39 {
            let previous = byte(bytes, i - 1)
            if previous >= 0x30 && previous <= 0x39 {
                wordByte(b)
                emit(b)
                return i + 1
            }
        }
        endWord()
        emit(b)
        switch b {
        case 0x2C: count(.comma)
        case 0x3B: count(.semicolon)
        case 0x3A: count(.colon)
        case 0x22: count(.doubleQuote)
        case 0x27: count(.singleQuote)
        case 0x28: count(.parenthesis)
        case 0x2D:
            if next == 0x2D {
                emit(next)
                count(.dash)
                return i + 2
            }
            if i != bulletIndex && (byte(bytes, i - 1) == 0x20 || next == 0x20) { count(.dash) }
        case 0x2E, 0x21, 0x3F:
            return sentenceMark(bytes, at: i)
        default: break
        }
        return i + 1
    }

    /// ".", "!" or "?": counts it (or an ellipsis / repeated run) and ends the sentence when followed by space.
    mutating func sentenceMark(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        var j = i + 1
        while j < bytes.count, bytes[j] == 0x2E || bytes[j] == 0x21 || bytes[j] == 0x3F {
            emit(bytes[j])
            j += 1
        }
        let run = j - i
        if b == 0x2E && run >= 3 {
            count(.ellipsis)
        } else if b == 0x2E {
            count(.period)
        } else {
            count(b == 0x21 ? .exclamation : .question)
            if run >= 2 { count(.repeatedTerminator) }
        }
        // Closing quotes and brackets may follow the mark.
        var k = j
        while k < bytes.count {
            let c = bytes[k]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { k += 1; continue }
            if c == 0xE2 && byte(bytes, k + 1) == 0x80 && (byte(bytes, k + 2) == 0x9D || byte(bytes, k + 2) == 0x99) {
                k += 3
                continue
            }
            break
        }
        let after = byte(bytes, k)
        let spaceFollows = ByteClass.isWhitespace(after) || (after == 0xC2 && byte(bytes, k + 1) == 0xA0)
        let isEnd = k >= bytes.count || spaceFollows
        if isEnd && !(b == 0x2E && run == 1 && lastWordIsAbbreviation) {
            endSentence(terminated: true)
            if k < bytes.count && after == 0x20 {
                let second = byte(bytes, k + 1)
                if second == 0x20 || (second == 0xC2 && byte(bytes, k + 2) == 0xA0) { count(.doubleSpaceAfterSentence) }
            } else if after == 0xC2 {
                count(.doubleSpaceAfterSentence)
            }
        }
        return j
    }
}
