/// The one way a ``JSONValue`` becomes text on the wire and in hashes.
extension JSONValue {
    /// Compact JSON text, the same for the same value (so it can be hashed): keys sorted, except a JSON
    /// Schema's `properties`, which keep the order of its `required` list. Models fill a schema in the
    /// order its properties are written (OpenAI documents it; llama.cpp's grammar follows it), so a
    /// statement comes before its evidence instead of after it, as alphabetical order would have it.
    public func canonicalText() -> String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value):
            if !value.isFinite {
                text += "null"  // JSON has no NaN or infinity
            } else if value.rounded() == value, abs(value) < 1e15 {
                text += String(Int64(value))
            } else {
                text += "\(value)"
            }
        case .string(let value): Self.writeString(value, to: &text)
        case .array(let values):
            text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { text += "," }
                value.write(to: &text)
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.writeString(key, to: &text)
                text += ":"
                if key == "properties", case .object(let properties)? = object[key] {
                    Self.writeProperties(properties, required: object["required"], to: &text)
                } else {
                    object[key]?.write(to: &text)
                }
            }
            text += "}"
        }
    }

    /// A schema's `properties`: the required ones in `required`'s order, then the rest sorted.
    private static func writeProperties(_ properties: [String: JSONValue], required: JSONValue?, to text: inout String) {
        var order: [String] = []
        for name in required?.arrayValue?.compactMap(\.stringValue) ?? [] where properties[name] != nil && !order.contains(name) {
            order.append(name)
        }
        order += properties.keys.filter { !order.contains($0) }.sorted()
        text += "{"
        for (index, name) in order.enumerated() {
            if index > 0 { text += "," }
            writeString(name, to: &text)
            text += ":"
            properties[name]?.write(to: &text)
        }
        text += "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
    private static func writeString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case let control where control.value < 0x20: text += escapedControl(control)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// A control character (below U+0020) as JSON writes it inside a string: `\n`, `\t`, … or `\u00XX`.
    package static func escapedControl(_ control: Unicode.Scalar) -> String {
        switch control {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            let hex = String(control.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
