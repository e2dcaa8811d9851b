import ArgumentParser
import Evaluation
import Foundation
import HyPerAlign
import LanguageModels

/// `hyperalign prompts export DIR`: copies the bundled templates out so they can be edited and used
/// with `--prompts DIR`.
struct PromptsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "List the prompt templates, or export them to edit (use with --prompts DIR).",
        subcommands: [List.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List templates with their versions.")
        func run() async throws {
            for template in PromptLibrary.standard().all + JudgePrompts.standard().all {
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
            let written = try export(PipelinePrompt.self, to: destination) + export(JudgePrompt.self, to: destination)
            Console.out("wrote \(written) templates to \(destination.path)")
        }

        private func export<Name: PromptName>(_: Name.Type, to destination: URL) throws -> Int {
            guard let source = PromptCatalog<Name>.bundledDirectory else { throw CLIFailure("bundled prompts are missing") }
            for name in Name.allCases {
                let target = destination.appendingPathComponent("\(name.rawValue).prompt")
                if FileManager.default.fileExists(atPath: target.path) {
                    guard force else { throw CLIFailure("\(target.path) exists; use --force to overwrite") }
                    try FileManager.default.removeItem(at: target)
                }
                try FileManager.default.copyItem(at: source.appendingPathComponent("\(name.rawValue).prompt"), to: target)
            }
            return Name.allCases.count
        }
    }
}
