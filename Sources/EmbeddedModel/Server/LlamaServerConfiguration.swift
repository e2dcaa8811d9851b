import Foundation

/// How to run `llama-server` for one model.
public struct LlamaServerConfiguration: Sendable, Hashable {
    public var model: EmbeddedModelSpec
    /// Parallel request slots (`-np`); each gets `model.contextPerSlot` tokens of context.
    public var slots: Int
    /// CPU threads (`-t`). Default: ``automaticThreads(slots:)`` — two threads fighting over two busy
    /// cores made generation 20× slower in measurements here.
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
        self.threads = threads ?? Self.automaticThreads(slots: max(1, slots))
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

extension LlamaServerConfiguration {
    /// Slots when none are asked for: enough for the three inference categories, two answers side by
    /// side or a best-of-4 at once. On a CPU, decoding several sequences together costs little more
    /// than one, so parallel requests are nearly free in wall-clock time.
    public static let automaticSlots = 4

    /// Threads from the cores and the current load: one per core that is not already busy (the
    /// one-minute load average, rounded), at least one, at most one per slot.
    public static func automaticThreads(slots: Int, cores: Int? = nil, load: Double? = nil) -> Int {
        let cores = cores ?? ProcessInfoCores.count
        let busy = Int((load ?? ProcessInfoCores.loadAverage ?? 0).rounded())
        return max(1, min(slots, cores - busy))
    }
}

enum ProcessInfoCores {
    /// The one-minute load average (`/proc/loadavg`), nil where it cannot be read.
    static var loadAverage: Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }

    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
