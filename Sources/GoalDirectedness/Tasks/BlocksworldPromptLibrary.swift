import Foundation

/// The prompt texts, loaded from the module's `Prompts` resources rather than written into code,
/// so they can be read, reviewed and versioned as text.
public struct BlocksworldPromptLibrary: Sendable {
    public private(set) var templates: [String: BlocksworldPromptTemplate]

    /// The names every library must hold.
    static let requiredNames: [String] = [
        "system", "actions", "goals", "fall", "suffix-motivational", "suffix-demotivational", "distractions",
    ]
        + BlocksworldTask.allCases.map { "task-\($0.rawValue)" }

    /// Loads the bundled prompts.
    /// - Throws: `GoalDirectednessError` if a resource is missing or has no version header.
    public static func bundled() throws(GoalDirectednessError) -> BlocksworldPromptLibrary {
        var templates: [String: BlocksworldPromptTemplate] = [:]
        for name in requiredNames {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Prompts"),
                  let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw .missingResource(name) }
            templates[name] = try BlocksworldPromptTemplate(name: name, fileContents: text)
        }
        return BlocksworldPromptLibrary(templates: templates)
    }

    /// A library from explicit templates (tests, prompt experiments).
    public init(templates: [String: BlocksworldPromptTemplate]) {
        self.templates = templates
    }

    /// The template called `name`; an empty one if absent so rendering never traps.
    public func template(_ name: String) -> BlocksworldPromptTemplate {
        templates[name] ?? BlocksworldPromptTemplate(name: name, version: "missing", body: "")
    }

    /// `name@version` of every template, for recording alongside results.
    public var versions: String {
        templates.values.map { "\($0.name)@\($0.version)" }.sorted().joined(separator: ",")
    }

    /// The distracting lines of prose, in file order (see `distractions.SOURCE.md`).
    public var distractions: [String] {
        template("distractions").body.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The `key: text` line called `key` in the resource `name` (`actions`, `goals`); empty if absent.
    public func phrase(_ name: String, _ key: String) -> String {
        for line in template(name).body.split(separator: "\n") where line.hasPrefix("\(key): ") {
            return String(line.dropFirst(key.count + 2))
        }
        return ""
    }
}
