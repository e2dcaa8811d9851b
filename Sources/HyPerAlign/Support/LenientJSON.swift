import Foundation
import LanguageModels

/// Extracts a JSON object from what a model actually writes: fenced blocks, prose around the object,
/// trailing commas, smart quotes, raw line breaks inside strings, and an answer cut off mid-way (closed
/// for it).
public enum LenientJSON {
    /// The repaired object text, or a message saying why none could be found.
    public static func extractObject(from text: String) throws -> [String: Any] {
        var candidate = stripFences(text)
        guard let start = candidate.firstIndex(of: "{") else {
            throw LenientJSONError(message: "the answer holds no JSON object (no '{')", excerpt: excerpt(text))
        }
        candidate = String(candidate[start...])
        let balanced = balancedPrefix(candidate)
        for attempt in [balanced, repair(balanced)] {
            if let data = attempt.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            {
                return object
            }
        }
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: Data(repair(balanced).utf8))
            detail = "the top-level value is not an object"
        } catch {
            detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
        }
        throw LenientJSONError(message: "invalid JSON: \(detail)", excerpt: excerpt(text))
    }

    static func stripFences(_ text: String) -> String {
        guard let fence = text.range(of: "```") else { return text }
        var body = text[fence.upperBound...]
        if let newline = body.firstIndex(of: "\n") { body = body[body.index(after: newline)...] }
        if let end = body.range(of: "```") { body = body[..<end.lowerBound] }
        return String(body)
    }

    /// The shortest prefix whose braces balance (ignoring braces in strings), or everything plus the
    /// closers it lacks when the text was cut off.
    static func balancedPrefix(_ text: String) -> String {
        var stack: [Character] = []
        var inString = false
        var escaped = false
        var output = ""
        for character in text {
            if inString, character.unicodeScalars.allSatisfy({ $0.value < 0x20 }) {
                // A raw line break or other control character inside a string (a grammar whose pattern
                // allows "any character but …" lets a model write one): JSON wants it escaped.
                for scalar in character.unicodeScalars { output += JSONValue.escapedControl(scalar) }
                escaped = false
                continue
            }
            output.append(character)
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{": stack.append("}")
            case "[": stack.append("]")
            case "}", "]":
                if stack.last == character { stack.removeLast() }
                if stack.isEmpty { return output }
            default: break
            }
        }
        if inString { output.append("\"") }
        while output.last.map({ $0 == "," || $0 == ":" || $0.isWhitespace }) == true { output.removeLast() }
        if output.hasSuffix(":") { output += "null" }
        for closer in stack.reversed() { output.append(closer) }
        return output
    }

    /// Fixes damage small models make: trailing commas, smart quotes, `True`/`None`.
    static func repair(_ text: String) -> String {
        var fixed = text
            .replacingOccurrences(of: "\u{201C}", with: "\\\"")
            .replacingOccurrences(of: "\u{201D}", with: "\\\"")
        fixed = fixed.replacingOccurrences(of: #",\s*([}\]])"#, with: "$1", options: .regularExpression)
        fixed = fixed.replacingOccurrences(of: #":\s*True\b"#, with: ": true", options: .regularExpression)
        fixed = fixed.replacingOccurrences(of: #":\s*False\b"#, with: ": false", options: .regularExpression)
        fixed = fixed.replacingOccurrences(of: #":\s*None\b"#, with: ": null", options: .regularExpression)
        return fixed
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 160 ? String(flat.prefix(160)) + "…" : flat
    }
}

/// No usable JSON object in a model's answer.
public struct LenientJSONError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var excerpt: String
    public var description: String { "\(message) (answer began: \"\(excerpt)\")" }
}
