import Foundation

/// The prompt templates of one module, each bundled one replaceable by a file of the same name in an
/// override folder (`--prompts DIR` or `$HYPERALIGN_PROMPTS`).
///
/// Every case of `Name` is loaded up front, so the subscript cannot fail and a broken override is
/// reported when the catalog is made rather than in the middle of a run.
public struct PromptCatalog<Name: PromptName>: Sendable {
    private var templates: [Name: PromptTemplate]

    /// Loads every template, preferring `overrides/NAME.prompt` over the bundled one.
    /// - Throws: ``PromptError`` for a file that is missing or cannot be parsed.
    public init(overrides: URL? = nil) throws(PromptError) {
        var templates: [Name: PromptTemplate] = [:]
        for name in Name.allCases {
            if let overrides {
                let file = overrides.appendingPathComponent("\(name.rawValue).prompt")
                if FileManager.default.fileExists(atPath: file.path) {
                    templates[name] = try Self.read(file, origin: file.path)
                    continue
                }
            }
            templates[name] = try Self.bundled(name)
        }
        self.templates = templates
    }

    /// The bundled catalog; its files are part of the build and covered by tests, so failing here is a
    /// packaging bug.
    public static func standard() -> PromptCatalog {
        do { return try PromptCatalog() } catch { fatalError("bundled prompts are broken: \(error)") }
    }

    /// The bundled template called `name`, ignoring overrides (`hyperalign prompts list`).
    /// - Throws: ``PromptError`` if the file is missing from the bundle or malformed.
    public static func bundled(_ name: Name) throws(PromptError) -> PromptTemplate {
        guard let url = Name.bundle.url(forResource: name.rawValue, withExtension: "prompt", subdirectory: "Prompts")
        else { throw PromptError(origin: "\(name.rawValue).prompt", line: nil, message: "missing from the bundle") }
        return try read(url, origin: "bundled:\(name.rawValue).prompt")
    }

    /// The template in use for `name`.
    public subscript(name: Name) -> PromptTemplate {
        // `init` stores every case of `Name`, so the lookup is total.
        templates[name]!
    }

    /// Every template in use, in the order of `Name.allCases`.
    public var all: [PromptTemplate] { Name.allCases.map { self[$0] } }

    /// `name@version` of every template, for recording alongside results.
    public var versions: String { all.map(\.versionTag).sorted().joined(separator: ",") }

    /// The folder holding the bundled templates, for `hyperalign prompts export`.
    public static var bundledDirectory: URL? { Name.bundle.url(forResource: "Prompts", withExtension: nil) }

    private static func read(_ url: URL, origin: String) throws(PromptError) -> PromptTemplate {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw PromptError(origin: origin, line: nil, message: "cannot be read: \(error.localizedDescription)")
        }
        return try PromptTemplate(parsing: text, origin: origin)
    }
}
