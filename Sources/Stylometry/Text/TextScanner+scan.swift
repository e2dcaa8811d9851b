extension TextScanner {
    /// Scans all bytes of one text.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if atLineStart && !ByteClass.isWhitespace(b) {
                lineStart(bytes, at: i)
            }
            if ByteClass.isASCIILetterOrDigit(b) {
                wordByte(b)
                emit(b)
                i += 1
                continue
            }
            if b >= 0x80 {
                i = scanNonASCII(bytes, at: i)
                continue
            }
            if ByteClass.isWhitespace(b) {
                endWord()
                if b == 0x0A {
                    endParagraph()
                    atLineStart = true
                }
                emitSpace()
                i += 1
                continue
            }
            i = scanASCIIPunctuation(bytes, at: i)
        }
        endParagraph()
    }

    @inline(__always)
    func byte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        i >= 0 && i < bytes.count ? bytes[i] : 0x20
    }

    mutating func lineStart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) {
        atLineStart = false
        formatting.lines += 1
        let b = bytes[i]
        let next = byte(bytes, i + 1)
        if (b == 0x2D || b == 0x2A || b == 0x2B) && next == 0x20 {
            formatting.bulletedLines += 1
            bulletIndex = i
        } else if b == 0xE2 && next == 0x80 && byte(bytes, i + 2) == 0xA2 {
            formatting.bulletedLines += 1
        } else if b == 0x23 {
            formatting.headerLines += 1
        } else if b >= 0x30 && b <= 0x39 {
            var j = i
            while j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 && j - i < 3 { j += 1 }
            let mark = byte(bytes, j)
            if (mark == 0x2E || mark == 0x29) && byte(bytes, j + 1) == 0x20 { formatting.numberedLines += 1 }
        }
    }

    /// Non-ASCII: no-break space, the U+2010–U+2026 punctuation block, otherwise letters.
    mutating func scanNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b == 0xC2 && byte(bytes, i + 1) == 0xA0 {
            endWord()
            emitSpace()
            return i + 2
        }
        if b == 0xE2 && byte(bytes, i + 1) == 0x80 && i + 2 < bytes.count {
            let c = bytes[i + 2]
            if c == 0x99 && wordLength > 0 && ByteClass.isWordByte(byte(bytes, i + 3)) {
                wordByte(0x27)
                wordApostrophe = true
                emit(0x27)
                return i + 3
            }
            endWord()
            switch c {
            case 0x98, 0x99: count(.singleQuote)
            case 0x9C, 0x9D: count(.doubleQuote)
            case 0x93, 0x94: count(.dash)
            case 0xA6: count(.ellipsis)
            default: break
            }
            emit(b)
            emit(0x80)
            emit(c)
            return i + 3
        }
        wordByte(b)
        emit(b)
        return i + 1
    }
}
