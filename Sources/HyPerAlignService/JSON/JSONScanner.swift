import Foundation

/// A validating scan over JSON bytes that finds where values start and end without building them, so a
/// request body can be edited in place (a message spliced in, the model renamed) and everything else
/// forwarded byte for byte — numbers, key order and unknown fields exactly as the client wrote them.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    /// Nesting deeper than this is refused, so a hostile body cannot exhaust the stack.
    static let maxDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Where and why the bytes are not JSON.
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The next significant byte, without consuming it.
    mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw Malformed(offset: index, reason: "unexpected end") }
        return bytes[index]
    }

    mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Malformed(offset: index, reason: "expected '\(Character(UnicodeScalar(byte)))'") }
        index += 1
    }

    /// Skips one value of any kind and returns its byte range.
    @discardableResult
    mutating func skipValue(depth: Int = 0) throws -> Range<Int> {
        guard depth < Self.maxDepth else { throw Malformed(offset: index, reason: "nested too deeply") }
        let first = try peek()
        let start = index
        switch first {
        case UInt8(ascii: "\""): return try skipString()
        case UInt8(ascii: "{"):
            try forEachMember(depth: depth) { scanner, _ in
                try scanner.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            try forEachElement(depth: depth) { scanner in
                try scanner.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw Malformed(offset: index, reason: "unexpected character")
        }
        return start..<index
    }

    /// Skips a string and returns its range, quotes included.
    mutating func skipString() throws -> Range<Int> {
        let start = index
        try expect(UInt8(ascii: "\""))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return start..<index
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                index += 1
            case 0..<0x20: throw Malformed(offset: index - 1, reason: "control character in a string")
            default: continue
            }
        }
        throw Malformed(offset: index, reason: "unterminated string")
    }

    /// Calls `body` with the scanner at each member's value and the key's range (quotes included);
    /// `body` must consume the value.
    mutating func forEachMember(
        depth: Int = 0, _ body: (inout JSONScanner, Range<Int>) throws -> Void
    ) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard try peek() == UInt8(ascii: "\"") else { throw Malformed(offset: index, reason: "expected a key") }
            let key = try skipString()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw Malformed(offset: index, reason: "expected ',' or '}'")
            }
        }
    }

    /// Calls `body` with the scanner at each element; `body` must consume it.
    mutating func forEachElement(depth: Int = 0, _ body: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            _ = try peek()
            try body(&self)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw Malformed(offset: index, reason: "expected ',' or ']'")
            }
        }
    }

    /// Fails unless only whitespace is left.
    mutating func expectEnd() throws {
        skipWhitespace()
        guard isAtEnd else { throw Malformed(offset: index, reason: "trailing characters") }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Malformed(offset: index, reason: "unexpected end") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw Malformed(offset: index + offset, reason: "invalid literal")
        }
        index += count
    }

    private mutating func skipNumber() throws {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
            default:
                guard digits > 0 else { throw Malformed(offset: start, reason: "invalid number") }
                return
            }
            index += 1
        }
        guard digits > 0 else { throw Malformed(offset: start, reason: "invalid number") }
    }

    // MARK: Reading small values

    /// Whether the string at `range` (quotes included) is exactly `key`.
    func matches(_ range: Range<Int>, _ key: StaticString) -> Bool {
        let count = key.utf8CodeUnitCount
        guard range.count == count + 2 else { return false }
        for offset in 0..<count where bytes[range.lowerBound + 1 + offset] != key.utf8Start[offset] { return false }
        return true
    }

    /// The string at `range` (quotes included), unescaped; nil when `range` is not a string.
    func string(_ range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data(UnsafeBufferPointer(rebasing: bytes[range])))
    }

    /// The integer at `range`, if it is one.
    func integer(_ range: Range<Int>) -> Int? {
        Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    /// Whether the value at `range` is the literal `true`.
    func isTrue(_ range: Range<Int>) -> Bool { range.count == 4 && bytes[range.lowerBound] == UInt8(ascii: "t") }
}
