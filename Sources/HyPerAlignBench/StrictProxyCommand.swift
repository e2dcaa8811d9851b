import ArgumentParser
import EmbeddedModel
import Foundation
import HyPerAlignTesting
import Providers

/// `hyperalign-bench strict-proxy`: an OpenAI-compatible endpoint that refuses, with HTTP 400, every
/// request OpenAI's strict Structured Outputs would refuse, and forwards the rest to the embedded
/// `llama-server` (or `--upstream`), so a benchmark runs for real against strict-mode rules.
struct StrictProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strict-proxy",
        abstract: "Serve an OpenAI-compatible endpoint that enforces strict Structured Outputs, in front of llama-server.",
        discussion: """
            Point a command at it with --provider openai --base-url http://127.0.0.1:PORT/v1 --model NAME. \
            GET /strict-proxy/stats shows what was forwarded and refused; the same figures are printed on \
            SIGINT/SIGTERM.
            """)

    @Option(help: "Port to listen on (127.0.0.1).") var port: Int = 8099
    @Option(help: "Root URL of an OpenAI-compatible server to forward to (default: start the embedded llama-server).")
    var upstream: String?
    @Option(help: "Embedded model when no --upstream is given.") var model: String = EmbeddedModelSpec.default.name
    @Option(help: "Parallel slots of the embedded server.") var slots: Int = 2
    @Option(help: "CPU threads of the embedded server (default: automatic).") var threads: Int?

    func run() async throws {
        if let upstream {
            return try await serve(upstream: upstream)
        }
        guard let spec = EmbeddedModelSpec.named(model) else { throw BenchFailure("unknown embedded model '\(model)'") }
        try await EmbeddedModelServer.withServer(LlamaServerConfiguration(model: spec, slots: slots, threads: threads)) { _, server in
            try await serve(upstream: server.baseURL)
        }
    }

    private func serve(upstream: String) async throws {
        let proxy = StrictCheckingProxy(upstream: upstream)
        try await proxy.run(port: port) { port in
            BenchConsole.out("strict proxy listening: http://127.0.0.1:\(port)/v1 → \(upstream)")
        }
        let stats = proxy.stats
        BenchConsole.out("strict proxy: \(stats.forwarded) requests forwarded, \(stats.rejected) refused")
        for problem in stats.problems { BenchConsole.out("  refused: \(problem)") }
    }
}

extension ProviderKind: ExpressibleByArgument {}
