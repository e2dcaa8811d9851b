import Foundation

/// A versioned prompt read from a file: a `name:` and `version:` header, then `--- system ---` and
/// `--- user ---` sections with `{{placeholders}}`.
///
/// Prompts are data, not code: a researcher can read, diff and override them, and every result records
/// the version it was made with. This is the one template engine of the package: the pipeline, the
/// evaluations and the Blocksworld environment all load their texts as `PromptTemplate`s from a
/// ``PromptCatalog``.
public struct PromptTemplate: Sendable, Hashable {
    public var name: String
    public var version: Int
    public var system: String
    public var user: String
    /// Where it was read from (a bundled resource or an override file).
    public var origin: String

    /// `name@version`, as stored in provenance and results.
    public var versionTag: String { "\(name)@\(version)" }

    /// A template from its parts (tests, generated prompts).
    public init(name: String, version: Int, system: String = "", user: String = "", origin: String) {
        self.name = name
        self.version = version
        self.system = system
        self.user = user
        self.origin = origin
    }

    /// Parses a prompt file.
    /// - Throws: ``PromptError`` naming the line of an unknown section or a header without `name:`/`version:`.
    public init(parsing text: String, origin: String) throws(PromptError) {
        self.origin = origin
        var header: [String: String] = [:]
        var sections: [String: [Substring]] = [:]
        var current: String?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("---"), trimmed.hasSuffix("---"), trimmed.count > 6 {
                let section = trimmed.dropFirst(3).dropLast(3).trimmingCharacters(in: .whitespaces).lowercased()
                guard section == "system" || section == "user" else {
                    throw PromptError(origin: origin, line: number + 1, message: "unknown section '\(section)'")
                }
                current = section
                sections[section] = []
                continue
            }
            if let current {
                sections[current, default: []].append(line)
            } else if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                guard let colon = trimmed.firstIndex(of: ":") else {
                    throw PromptError(origin: origin, line: number + 1, message: "expected 'key: value' in the header")
                }
                header[String(trimmed[..<colon]).lowercased()] =
                    trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        guard let name = header["name"], !name.isEmpty else {
            throw PromptError(origin: origin, line: 1, message: "the header has no 'name:'")
        }
        guard let versionText = header["version"], let version = Int(versionText) else {
            throw PromptError(origin: origin, line: 1, message: "the header has no integer 'version:'")
        }
        self.name = name
        self.version = version
        self.system = sections["system"].map { $0.joined(separator: "\n") }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.user = sections["user"].map { $0.joined(separator: "\n") }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// The placeholders a section uses.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.insert(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }

    /// Fills `{{name}}` placeholders in one pass, so a value containing `{{…}}` is never expanded again.
    /// - Throws: ``PromptError`` if a placeholder has no value, so a renamed key never yields an empty slot.
    public static func render(_ text: String, _ values: [String: String], origin: String) throws(PromptError) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let value = values[key] else {
                throw PromptError(origin: origin, line: nil, message: "no value for placeholder {{\(key)}}")
            }
            output += value
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    /// The system section with its placeholders filled.
    public func renderSystem(_ values: [String: String]) throws(PromptError) -> String {
        try Self.render(system, values, origin: origin)
    }

    /// The user section with its placeholders filled.
    public func renderUser(_ values: [String: String]) throws(PromptError) -> String {
        try Self.render(user, values, origin: origin)
    }
}

