import Foundation

/// How to run `llama-server` for one model.
public struct LlamaServerConfiguration: Sendable, Hashable {
    public var model: EmbeddedModelSpec
    /// Parallel request slots (`-np`); each gets `model.contextPerSlot` tokens of context.
    public var slots: Int
    /// CPU threads (`-t`). Default: one per slot, at most the core count — two threads fighting over
    /// two busy cores made generation 20× slower in measurements here.
    public var threads: Int
    /// 0 picks a free loopback port.
    public var port: Int
    public var startupTimeout: Duration
    public var extraArguments: [String]

    public init(
        model: EmbeddedModelSpec = .default,
        slots: Int = 1,
        threads: Int? = nil,
        port: Int = 0,
        startupTimeout: Duration = .seconds(120),
        extraArguments: [String] = []
    ) {
        self.model = model
        self.slots = max(1, slots)
        self.threads = threads ?? min(max(1, slots), max(1, ProcessInfoCores.count))
        self.port = port
        self.startupTimeout = startupTimeout
        self.extraArguments = extraArguments
    }

    /// The command-line arguments, also printed so the same server can be started by hand.
    public func arguments(modelPath: String, port: Int) -> [String] {
        ["--host", "127.0.0.1", "--port", String(port), "-m", modelPath,
         "-t", String(threads), "-np", String(slots), "-c", String(model.contextPerSlot * slots),
         "--no-webui", "--log-disable"]
            + model.serverArguments + extraArguments
    }
}

enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
