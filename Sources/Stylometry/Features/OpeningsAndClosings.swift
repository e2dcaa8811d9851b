/// How a text begins and ends: first and last words, a greeting, a sign-off.
///
/// Writers are creatures of habit at the edges of a text ("Hi all," … "Best, Ann").
public struct OpeningsAndClosings: Sendable, Hashable, Codable {
    /// Up to the first three words, as written.
    public var firstWords: [String]
    /// Up to the last three words, as written.
    public var lastWords: [String]
    /// A greeting line such as "Hi Tom," when the text starts with one.
    public var greeting: String?
    /// The sign-off, when the text ends with one.
    public var signOff: SignOff?

    public init(firstWords: [String], lastWords: [String], greeting: String?, signOff: SignOff?) {
        self.firstWords = firstWords
        self.lastWords = lastWords
        self.greeting = greeting
        self.signOff = signOff
    }

    static let greetingWords: Set<String> = ["hi", "hello", "hey", "dear", "greetings", "good", "yo", "howdy"]

    /// Reads the edges of `text`; only its first and last few lines are examined.
    public init(text: String) {
        let utf8 = text.utf8
        let head = utf8.count > 400 ? String(decoding: utf8.prefix(200), as: UTF8.self) : text
        let tail = utf8.count > 400 ? String(decoding: utf8.suffix(200), as: UTF8.self) : text
        let headLines = Self.lines(of: head)
        let lines = Self.lines(of: tail)
        let words = Self.words(of: headLines.prefix(3).joined(separator: " "))
        let tailWords = Self.words(of: lines.suffix(3).joined(separator: " "))
        var greeting: String?
        if let first = headLines.first, let head = Self.words(of: first).first?.lowercased(),
           Self.greetingWords.contains(head), first.split(separator: " ").count <= 6 {
            greeting = first
        }
        self.init(
            firstWords: Array(words.prefix(3)),
            lastWords: Array(tailWords.suffix(3)),
            greeting: greeting,
            signOff: Self.signOff(lines: lines)
        )
    }

    static func lines(of text: String) -> [String] {
        text.utf8.split { $0 == 0x0A || $0 == 0x0D }
            .map { line in
                let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
                return String(decoding: trimmed.reversed(), as: UTF8.self)
            }
            .filter { !$0.isEmpty }
    }

    /// Words (letters, digits, apostrophes), scanned on UTF-8 bytes: non-ASCII counts as letters except
    /// the U+2000–U+206F punctuation block, where only the apostrophe ’ joins a word.
    static func words(of line: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        let bytes = Array(line.utf8)
        var i = 0
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x81 {
                if bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 { current += bytes[i...(i + 2)] } else { flush() }
                i += 3
                continue
            }
            if b >= 0x80 || b == 0x27 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                current.append(b)
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return words
    }

    static func signOff(lines: [String]) -> SignOff? {
        guard lines.count >= 2, let last = lines.last else { return nil }
        let lastWords = words(of: last)
        let lastPhrase = lastWords.joined(separator: " ").lowercased()
        // "Best,\nAnn" — a closing line then a short name line.
        let previous = words(of: lines[lines.count - 2]).joined(separator: " ").lowercased()
        if SignOff.closings.contains(previous), isName(lastWords) {
            return SignOff(closing: previous, name: lastWords.joined(separator: " "))
        }
        // "Thanks!" alone on the last line.
        if SignOff.closings.contains(lastPhrase) { return SignOff(closing: lastPhrase, name: nil) }
        // "Best, Ann" on one line.
        if let comma = last.firstIndex(of: ",") {
            let head = words(of: String(last[..<comma])).joined(separator: " ").lowercased()
            let tail = words(of: String(last[last.index(after: comma)...]))
            if SignOff.closings.contains(head), isName(tail) {
                return SignOff(closing: head, name: tail.joined(separator: " "))
            }
        }
        // "-Ann" or "— Ann Smith".
        if let mark = last.first, "-–—~".contains(mark), isName(lastWords) {
            return SignOff(closing: nil, name: lastWords.joined(separator: " "))
        }
        return nil
    }

    static func isName(_ words: [String]) -> Bool {
        guard (1...3).contains(words.count) else { return false }
        return words.allSatisfy { $0.first?.isUppercase == true && $0.count <= 20 }
    }
}
