import ArgumentParser
import EmbeddedModel
import Foundation
import Providers

/// Options every command that talks to a model or the store shares.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Model provider: embedded, openai (any OpenAI-compatible server) or anthropic. Default: from the config file, else embedded.")
    var provider: ProviderKind?

    @Option(help: "Model name (embedded: smollm2-135m-instruct or gemma3-270m).")
    var model: String?

    @Option(name: .customLong("base-url"), help: "Provider base URL, e.g. http://127.0.0.1:11434/v1 (default: $OPENAI_BASE_URL or the provider's own).")
    var baseURL: String?

    @Option(help: "SQLite store file (default: $HYPERALIGN_STORE or ~/.local/share/hyperalign/store.sqlite).")
    var store: String?

    @Option(help: "Config file (JSON: provider, model, base_url, api_key_env).")
    var config: String?

    @Option(help: "Folder of prompt files overriding the bundled ones (same file names; see `hyperalign prompts export`).")
    var prompts: String?

    @Flag(name: .customLong("no-cache"), help: "Do not read or write the response cache.")
    var noCache = false

    @Option(help: "Parallel request slots of the embedded server (and parallel requests of an evaluation).")
    var slots: Int = LlamaServerConfiguration.automaticSlots

    @Option(help: "CPU threads of the embedded server (default: one per idle core, from the core count and the current load).")
    var threads: Int?

    @Option(help: "Seconds to wait for one model answer before retrying.")
    var timeout: Int = 300

    @Flag(help: "Print no progress lines.")
    var quiet = false

    func validate() throws {
        guard slots >= 1, slots <= 16 else { throw ValidationError("--slots must be between 1 and 16") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    }

    var storePath: String {
        if let store { return store }
        if let path = ProcessInfo.processInfo.environment["HYPERALIGN_STORE"], !path.isEmpty { return path }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".local/share/hyperalign/store.sqlite").path
    }

    var ticker: ProgressTicker { ProgressTicker(quiet: quiet) }
}

extension ProviderKind: ExpressibleByArgument {}
