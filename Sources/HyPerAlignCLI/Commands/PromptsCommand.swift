import ArgumentParser
import Foundation
import HyPerAlign

/// `hyperalign prompts export DIR`: copies the bundled templates out so they can be edited and used
/// with `--prompts DIR`.
struct PromptsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "List the prompt templates, or export them to edit (use with --prompts DIR).",
        subcommands: [List.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List templates with their versions.")
        func run() async throws {
            for name in PromptLibrary.templateNames {
                let template = try PromptLibrary.bundled(name)
                Console.out("\(template.versionTag)\t\(template.origin)")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the bundled templates into a folder.")
        @Argument(help: "Destination folder (created if missing).") var directory: String
        @Flag(help: "Overwrite existing files.") var force = false

        func run() async throws {
            let destination = URL(fileURLWithPath: directory, isDirectory: true)
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            guard let source = PromptLibrary.bundledDirectory else { throw CLIFailure("bundled prompts are missing") }
            for name in PromptLibrary.templateNames {
                let target = destination.appendingPathComponent("\(name).prompt")
                if FileManager.default.fileExists(atPath: target.path) {
                    guard force else { throw CLIFailure("\(target.path) exists; use --force to overwrite") }
                    try FileManager.default.removeItem(at: target)
                }
                try FileManager.default.copyItem(at: source.appendingPathComponent("\(name).prompt"), to: target)
            }
            Console.out("wrote \(PromptLibrary.templateNames.count) templates to \(destination.path)")
        }
    }
}
