import ArgumentParser
import ChildProcesses
import Foundation

/// The `hyperalign` command: a thin shell over the HyPerAlign library.
@main
struct HyPerAlignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyperalign",
        abstract: "Personalize LLM output for one person from a few texts they wrote.",
        discussion: """
            Runs on an embedded local model by default (no key, no network; for trying things out). \
            Point it at a real provider with --provider openai|anthropic (see the README).

            Exit codes: 0 ok, 1 failure, 64 bad usage, 3 bad input, 4 model/provider failure, 5 not found, \
            6 conflict, 130 interrupted.
            """,
        subcommands: [
            SetupCommand.self, DemoCommand.self, ProfileCommand.self, InferCommand.self, HypothesesCommand.self,
            GenerateCommand.self, PromptsCommand.self, GoalsCommand.self, EvalCommand.self,
            ReportCommand.self, KeysCommand.self, UsersCommand.self, ServeCommand.self,
        ])

    static func main() async {
        // `serve` stops on SIGTERM/SIGINT through ServiceLifecycle's graceful shutdown (which also stops an
        // embedded server on the way out); every other command exits at once.
        if CommandLine.arguments.dropFirst().first != ServeCommand.configuration.commandName {
            ChildProcessRegistry.shared.installSignalHandlers { _ in
                FileHandle.standardError.write(Data("\ninterrupted; stopped child processes\n".utf8))
            }
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIFailure {
            Console.error(error.message)
            Foundation.exit(error.exitCode.rawValue)
        } catch {
            if let failure = CLIFailure(classifying: error) {
                Console.error(failure.message)
                Foundation.exit(failure.exitCode.rawValue)
            }
            exit(withError: error)
        }
    }
}
