/// The JSON-schema subset a backend accepts for a response-format constraint, checked before a request
/// leaves (and by the loopback servers that stand in for the backend in tests).
///
/// OpenAI's strict Structured Outputs reject with HTTP 400, never retried: any object without
/// `"additionalProperties": false`, any property missing from `required` (optional fields are required
/// and nullable, `"type": ["string", "null"]`), a root that is not an object or is an `anyOf`, and every
/// keyword outside its supported list (strings: `pattern`, `format`; numbers: `minimum`, `maximum`,
/// `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`; arrays: `minItems`, `maxItems`; no `minLength`,
/// `maxLength`, `prefixItems`, `oneOf`, `allOf`, `not`, `if`/`then`/`else`, `default`), with at most
/// 5,000 properties, 10 levels of object nesting, 1,000 enum values and 120,000 characters of names and
/// enum values. llama.cpp's grammar converter reads a wider set (`prefixItems`, `minLength`, …) but
/// needs every `pattern` anchored `^…$`.
package enum SchemaRules: String, Sendable, CaseIterable {
    /// OpenAI `response_format: {type: json_schema, strict: true}` (the Structured Outputs guide).
    case openAIStrict = "openai-strict"
    /// llama.cpp's server `json_schema` (its `json-schema-to-grammar` converter).
    case llamaCpp = "llama-cpp"

    /// Why `schema` would be refused, one line per problem with its location (`$.properties.x`); empty when
    /// it is accepted. `name` is the response format's name, checked where the backend restricts it.
    package func violations(of schema: JSONValue, name: String? = nil) -> [String] {
        var checker = Checker(rules: self)
        if let name, self == .openAIStrict {
            let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
            if name.isEmpty || name.count > 64 || !allowed {
                checker.problems.append("name '\(name)': must be 1–64 characters of a-z, A-Z, 0-9, _ and -")
            }
        }
        guard let root = schema.objectValue else { return ["$: the schema must be a JSON object"] }
        if self == .openAIStrict {
            if root["anyOf"] != nil { checker.problems.append("$: the root must not be an anyOf") }
            if root["type"]?.stringValue != "object" { checker.problems.append("$: the root must be of type \"object\"") }
        }
        checker.check(schema, at: "$", objectDepth: 0)
        if self == .openAIStrict {
            if checker.propertyCount > 5000 { checker.problems.append("$: \(checker.propertyCount) properties in all (at most 5000)") }
            if checker.enumValueCount > 1000 { checker.problems.append("$: \(checker.enumValueCount) enum values in all (at most 1000)") }
            if checker.stringSize > 120_000 {
                checker.problems.append("$: \(checker.stringSize) characters of property names and enum values (at most 120000)")
            }
        }
        return checker.problems
    }

    /// Keywords each backend reads; anything else is refused.
    var allowedKeywords: Set<String> {
        let common: Set<String> = [
            "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "description",
            "title", "$defs", "definitions", "$ref", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minItems", "maxItems",
        ]
        switch self {
        case .openAIStrict: return common.union(["multipleOf"])
        case .llamaCpp: return common.union(["prefixItems", "minLength", "maxLength", "oneOf", "allOf", "default", "examples"])
        }
    }

    /// String formats OpenAI accepts.
    static let openAIFormats: Set<String> = ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"]

    private struct Checker {
        let rules: SchemaRules
        var problems: [String] = []
        var propertyCount = 0
        var enumValueCount = 0
        var stringSize = 0

        mutating func check(_ schema: JSONValue, at path: String, objectDepth: Int) {
            guard let node = schema.objectValue else {
                problems.append("\(path): a schema must be a JSON object")
                return
            }
            for key in node.keys.sorted() where !rules.allowedKeywords.contains(key) {
                problems.append("\(path): '\(key)' is not permitted")
            }
            let types = Self.types(node["type"])
            if rules == .openAIStrict, node["type"] == nil, node["anyOf"] == nil, node["$ref"] == nil,
               node["enum"] == nil, node["const"] == nil {
                problems.append("\(path): every schema needs a 'type' (or anyOf, enum, const, $ref)")
            }
            if let pattern = node["pattern"]?.stringValue, rules == .llamaCpp, !(pattern.hasPrefix("^") && pattern.hasSuffix("$")) {
                problems.append("\(path): pattern must start with '^' and end with '$'")
            }
            if let format = node["format"]?.stringValue, rules == .openAIStrict, !SchemaRules.openAIFormats.contains(format) {
                problems.append("\(path): format '\(format)' is not supported")
            }
            if let values = node["enum"]?.arrayValue {
                enumValueCount += values.count
                let size = values.reduce(0) { $0 + ($1.stringValue?.count ?? 0) }
                stringSize += size
                if rules == .openAIStrict, values.count > 250, size > 15_000 {
                    problems.append("\(path): an enum of more than 250 strings may hold at most 15000 characters (\(size))")
                }
            } else if node["enum"] != nil {
                problems.append("\(path): 'enum' must be an array")
            }
            let isObject = types.contains("object") || node["properties"] != nil
            if isObject {
                let depth = objectDepth + 1
                if rules == .openAIStrict, depth > 10 { problems.append("\(path): more than 10 levels of nested objects") }
                let properties = node["properties"]?.objectValue ?? [:]
                propertyCount += properties.count
                stringSize += properties.keys.reduce(0) { $0 + $1.count }
                if rules == .openAIStrict {
                    if node["additionalProperties"] != .bool(false) {
                        problems.append("\(path): 'additionalProperties' must be false")
                    }
                    let required = Set((node["required"]?.arrayValue ?? []).compactMap(\.stringValue))
                    for key in properties.keys.sorted() where !required.contains(key) {
                        problems.append("\(path): property '\(key)' must be listed in 'required' (make it nullable instead)")
                    }
                    for key in required.sorted() where properties[key] == nil {
                        problems.append("\(path): 'required' names '\(key)', which is not a property")
                    }
                }
                for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
                    check(value, at: "\(path).properties.\(key)", objectDepth: depth)
                }
                if case .object = node["additionalProperties"] {
                    problems.append("\(path): 'additionalProperties' must be false, not a schema")
                }
            }
            if let items = node["items"] {
                if case .object = items { check(items, at: "\(path).items", objectDepth: objectDepth) }
                else { problems.append("\(path): 'items' must be one schema") }
            }
            for keyword in ["prefixItems", "anyOf", "oneOf", "allOf"] {
                for (index, item) in (node[keyword]?.arrayValue ?? []).enumerated() {
                    check(item, at: "\(path).\(keyword)[\(index)]", objectDepth: objectDepth)
                }
            }
            for keyword in ["$defs", "definitions"] {
                for (key, value) in (node[keyword]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                    stringSize += key.count
                    check(value, at: "\(path).\(keyword).\(key)", objectDepth: objectDepth)
                }
            }
        }

        static func types(_ value: JSONValue?) -> [String] {
            switch value {
            case .string(let type)?: [type]
            case .array(let list)?: list.compactMap(\.stringValue)
            default: []
            }
        }
    }
}
