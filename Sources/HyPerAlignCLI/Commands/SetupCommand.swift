import ArgumentParser
import EmbeddedModel
import Foundation
import LanguageModels

/// `hyperalign setup`: builds llama-server and fetches the embedded model (idempotent, resumable).
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Build the embedded llama.cpp server and fetch the default model (once; later runs are instant).")

    @Option(help: "Embedded model to fetch: \(EmbeddedModelSpec.all.map(\.name).joined(separator: ", ")).")
    var model: String = EmbeddedModelSpec.default.name

    @Flag(help: "Print the paths as JSON.")
    var json = false

    @Flag(help: "Skip the final check that starts llama-server and has the model answer once.")
    var noCheck = false

    func run() async throws {
        guard let spec = EmbeddedModelSpec.named(model) else {
            throw CLIFailure("unknown embedded model '\(model)'", exitCode: .usage)
        }
        let installer = EmbeddedRuntimeInstaller()
        try await installer.install(model: spec) { progress in Self.show(progress) }
        let paths = installer.paths
        if !noCheck {
            Self.show(SetupProgress(step: "checking: starting llama-server and asking the model once"))
            let clock = ContinuousClock()
            let start = clock.now
            try await EmbeddedModelServer.withServer(LlamaServerConfiguration(model: spec)) { model, _ in
                let reply = try await model.complete(ChatRequest(messages: [.user("Say OK.")], temperature: 0, maxTokens: 4))
                guard reply.usage.completionTokens > 0 else {
                    throw CLIFailure("the embedded model started but produced no tokens", exitCode: .modelFailure)
                }
            }
            Self.show(SetupProgress(step: "the embedded model answers (check took \(Int((clock.now - start) / .milliseconds(1))) ms)"))
        }
        if json {
            try Console.json([
                "server": paths.serverBinary.path, "model": paths.modelFile(spec).path, "cache": paths.root.path,
            ])
        } else {
            Console.out("llama-server: \(paths.serverBinary.path)")
            Console.out("model:        \(paths.modelFile(spec).path)")
        }
    }

    static func show(_ progress: SetupProgress) {
        if let percent = progress.percent, percent < 100 {
            if Console.stderrIsTerminal {
                FileHandle.standardError.write(Data("\r\u{1B}[K  \(progress.step) [\(percent)%]".utf8))
            } else if percent % 10 == 0 {
                Console.note("  \(progress.step) [\(percent)%]")
            }
        } else {
            Console.note((Console.stderrIsTerminal ? "\r\u{1B}[K" : "") + "• " + progress.step)
        }
    }
}
