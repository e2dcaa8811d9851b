/// The part of an OpenAI chat completion body the service itself reads, checked before anything is
/// forwarded: `messages` is an array of objects whose `role` is one OpenAI defines, and `model`, `stream`
/// and `user` have their types (or are null or absent). Every other field, and an empty `messages`, is
/// the upstream's to judge; its 400 comes back as it sent it. A subset of OpenAI's own rules, so nothing
/// OpenAI accepts is refused here; the OpenAPI document's `ChatCompletionRequest` states exactly these.
enum ChatCompletionContract {
    static let roles: [String] = ["system", "developer", "user", "assistant", "tool", "function"]

    /// The body's first departure from the rules, worded for a 400 with the field it names.
    struct Violation: Error, CustomStringConvertible {
        var description: String
        var param: String
    }

    /// Checks `bytes` (already known to be a JSON object).
    static func check(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            var sawMessages = false
            try scanner.forEachMember { scanner, key in
                if scanner.matches(key, "messages") {
                    sawMessages = true
                    try checkMessages(&scanner)
                    return
                }
                let value = try scanner.skipValue(depth: 1)
                let first = buffer[value.lowerBound]
                if scanner.matches(key, "model") || scanner.matches(key, "user") {
                    let name = scanner.matches(key, "model") ? "model" : "user"
                    guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "n") else {
                        throw Violation(description: "'\(name)' must be a string", param: name)
                    }
                } else if scanner.matches(key, "stream") {
                    guard first == UInt8(ascii: "t") || first == UInt8(ascii: "f") || first == UInt8(ascii: "n") else {
                        throw Violation(description: "'stream' must be true or false", param: "stream")
                    }
                }
            }
            guard sawMessages else { throw Violation(description: "missing field 'messages'", param: "messages") }
        }
    }

    private static func checkMessages(_ scanner: inout JSONScanner) throws {
        guard try scanner.peek() == UInt8(ascii: "[") else {
            throw Violation(description: "'messages' must be an array of messages", param: "messages")
        }
        var index = 0
        try scanner.forEachElement(depth: 1) { scanner in
            defer { index += 1 }
            guard try scanner.peek() == UInt8(ascii: "{") else {
                throw Violation(description: "messages[\(index)] must be an object", param: "messages[\(index)]")
            }
            var role: String?
            try scanner.forEachMember(depth: 2) { scanner, key in
                let value = try scanner.skipValue(depth: 3)
                if scanner.matches(key, "role") { role = scanner.string(value) ?? "" }
            }
            guard let role else {
                throw Violation(description: "messages[\(index)] has no 'role'", param: "messages[\(index)].role")
            }
            guard roles.contains(role) else {
                throw Violation(
                    description: "messages[\(index)].role must be one of \(roles.joined(separator: ", "))",
                    param: "messages[\(index)].role")
            }
        }
    }
}
