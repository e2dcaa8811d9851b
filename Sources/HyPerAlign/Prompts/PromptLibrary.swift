import Foundation

/// The prompt templates in use: the bundled ones, each replaceable by a file of the same name in an
/// override folder (`--prompts DIR` or `$HYPERALIGN_PROMPTS`).
public struct PromptLibrary: Sendable {
    public static let templateNames = [
        "infer-hypotheses", "repair-json", "generate-zero-shot", "generate-few-shot", "generate-hyperalign",
        "generate-hyperalign-examples", "judge-authorship", "deliberate", "deliberate-answer", "judge-safety", "check-hypotheses",
    ]

    private var templates: [String: PromptTemplate]

    /// Loads every template, preferring `overrides/NAME.prompt` over the bundled one.
    public init(overrides: URL? = nil) throws {
        var templates: [String: PromptTemplate] = [:]
        for name in Self.templateNames {
            if let overrides {
                let file = overrides.appendingPathComponent("\(name).prompt")
                if FileManager.default.fileExists(atPath: file.path) {
                    let text = try String(contentsOf: file, encoding: .utf8)
                    templates[name] = try PromptTemplate(parsing: text, origin: file.path)
                    continue
                }
            }
            templates[name] = try Self.bundled(name)
        }
        self.templates = templates
    }

    /// The bundled library.
    public static func standard() -> PromptLibrary {
        // The bundled files are part of the build and covered by tests; failing here is a packaging bug.
        do { return try PromptLibrary() } catch { fatalError("bundled prompts are broken: \(error)") }
    }

    public static func bundled(_ name: String) throws -> PromptTemplate {
        guard let url = Bundle.module.url(forResource: name, withExtension: "prompt", subdirectory: "Prompts")
        else {
            throw PromptError(origin: "\(name).prompt", line: nil, message: "missing from the bundle")
        }
        return try PromptTemplate(parsing: try String(contentsOf: url, encoding: .utf8), origin: "bundled:\(name).prompt")
    }

    public subscript(name: String) -> PromptTemplate {
        guard let template = templates[name] else { preconditionFailure("unknown prompt template '\(name)'") }
        return template
    }

    /// The directory holding the bundled templates, for `hyperalign prompts export`.
    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "Prompts", withExtension: nil)
    }
}
