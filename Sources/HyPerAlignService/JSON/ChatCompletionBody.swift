/// A client's `POST /v1/chat/completions` body as bytes, with just enough of it located to personalize
/// it: the model, `stream`, `user`, and each message's role and place. Everything else stays the
/// client's bytes, so tools, `n`, logprobs, `response_format`, multimodal parts and fields this service
/// has never heard of reach the upstream exactly as sent.
struct ChatCompletionBody: Sendable {
    let bytes: [UInt8]
    /// The `model` value's range and text, when present.
    private(set) var modelRange: Range<Int>?
    private(set) var model: String?
    private(set) var stream = false
    /// The OpenAI `user` field: the caller's end-user id (personalization uses it only when opted in).
    private(set) var user: String?
    /// Where the `messages` array's elements are, with their roles; nil when there is no such array.
    private(set) var messages: [Message]?
    /// The `messages` array's closing bracket.
    private var messagesEnd = 0
    private var objectStart = 0
    private var isEmptyObject = false

    struct Message: Sendable {
        var range: Range<Int>
        var role: String?
    }

    /// The body's own structure error, worded for a 400.
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var found = Found()
        try bytes.withUnsafeBufferPointer { buffer in found = try Self.scan(buffer) }
        (modelRange, model, stream, user, messages, messagesEnd, objectStart) =
            (found.modelRange, found.model, found.stream, found.user, found.messages, found.messagesEnd, found.objectStart)
        isEmptyObject = found.members == 0
    }

    private struct Found {
        var modelRange: Range<Int>?
        var model: String?
        var stream = false
        var user: String?
        var messages: [Message]?
        var messagesEnd = 0
        var objectStart = 0
        var members = 0
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) throws -> Found {
        var found = Found()
        var scanner = JSONScanner(buffer)
        do {
            guard try scanner.peek() == UInt8(ascii: "{") else { throw Invalid(description: "the request body must be a JSON object") }
            found.objectStart = scanner.index
            try scanner.forEachMember { scanner, key in
                found.members += 1
                if scanner.matches(key, "messages"), try scanner.peek() == UInt8(ascii: "[") {
                    var messages: [Message] = []
                    try scanner.forEachElement { scanner in
                        let start = scanner.index
                        var role: String?
                        if try scanner.peek() == UInt8(ascii: "{") {
                            try scanner.forEachMember(depth: 2) { scanner, key in
                                let value = try scanner.skipValue(depth: 3)
                                if scanner.matches(key, "role") { role = scanner.string(value) }
                            }
                        } else {
                            try scanner.skipValue(depth: 2)
                        }
                        messages.append(Message(range: start..<scanner.index, role: role))
                    }
                    found.messages = messages
                    found.messagesEnd = scanner.index - 1
                    return
                }
                let value = try scanner.skipValue(depth: 1)
                if scanner.matches(key, "model") {
                    found.modelRange = value
                    found.model = scanner.string(value)
                } else if scanner.matches(key, "stream") {
                    found.stream = scanner.isTrue(value)
                } else if scanner.matches(key, "user") {
                    found.user = scanner.string(value)
                }
            }
            try scanner.expectEnd()
        } catch let error as JSONScanner.Malformed {
            throw Invalid(description: "the request body is not valid JSON: \(error)")
        }
        return found
    }

    /// Where the hypotheses message goes: after the caller's leading `system`/`developer` messages (their
    /// own instructions come first and keep precedence), before the conversation. Its role follows theirs:
    /// `developer` when the last of them is one, `system` otherwise.
    var personalizationPlacement: (index: Int, role: String)? {
        guard let messages else { return nil }
        let leading = messages.prefix { $0.role == "system" || $0.role == "developer" }.count
        return (leading, leading > 0 && messages[leading - 1].role == "developer" ? "developer" : "system")
    }

    /// The body to send upstream: `message` (a JSON object's bytes) spliced in at the placement above, and
    /// the model replaced by `model` when given — every other byte unchanged.
    func rewritten(inserting message: [UInt8]?, model replacement: String?) -> [UInt8] {
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        if let replacement {
            let encoded = Self.quoted(replacement)
            if let modelRange {
                edits.append((modelRange, encoded))
            } else {
                edits.append(((objectStart + 1)..<(objectStart + 1), Array(#""model":"#.utf8) + encoded + (isEmptyObject ? [] : [UInt8(ascii: ",")])))
            }
        }
        if let message, let messages, let placement = personalizationPlacement {
            if placement.index < messages.count {
                let at = messages[placement.index].range.lowerBound
                edits.append((at..<at, message + [UInt8(ascii: ",")]))
            } else {
                edits.append((messagesEnd..<messagesEnd, (messages.isEmpty ? [] : [UInt8(ascii: ",")]) + message))
            }
        }
        guard !edits.isEmpty else { return bytes }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for edit in edits {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.bytes)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return output
    }

    /// `{"role":ROLE,"content":CONTENT}` with `content` already a JSON string literal.
    static func message(role: String, content: [UInt8]) -> [UInt8] {
        Array(#"{"role":"#.utf8) + quoted(role) + Array(#","content":"#.utf8) + content + [UInt8(ascii: "}")]
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        output.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return output
    }
}
