import Foundation

/// How to run `llama-server` for one model.
public struct LlamaServerConfiguration: Sendable, Hashable {
    public var model: EmbeddedModelSpec
    /// Parallel request slots (`-np`); each gets `model.contextPerSlot` tokens of context.
    public var slots: Int
    /// CPU threads (`-t`); nil: chosen from the cores' current load when the server starts
    /// (``threadsForCurrentLoad(slots:)``) — two threads fighting over two busy cores made generation 20×
    /// slower in measurements here.
    public var threads: Int?
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
        self.threads = threads
        self.port = port
        self.startupTimeout = startupTimeout
        self.extraArguments = extraArguments
    }

    /// The command-line arguments with `threads` CPU threads, also printed so the same server can be
    /// started by hand.
    public func arguments(modelPath: String, port: Int, threads: Int) -> [String] {
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

    /// Threads from the cores and their load (busy cores): one per core that is not busy, at least one, at
    /// most one per slot.
    public static func automaticThreads(slots: Int, cores: Int, load: Double) -> Int {
        max(1, min(slots, cores - Int(load.rounded())))
    }

    /// ``automaticThreads(slots:cores:load:)`` for this machine now: the cores' busy time over a 150 ms
    /// sample of `/proc/stat`, not the one-minute load average (used only where `/proc/stat` cannot be
    /// read), which still counts the build and setup check run just before (measured here: the demo took
    /// 37 s on the 1 thread the average allowed, 23 s on 2). Sampled as the server starts, not before.
    public static func threadsForCurrentLoad(slots: Int) async -> Int {
        let busy = await ProcessInfoCores.busyCores() ?? ProcessInfoCores.loadAverage ?? 0
        return automaticThreads(slots: slots, cores: ProcessInfoCores.count, load: busy)
    }
}

enum ProcessInfoCores {
    /// The one-minute load average (`/proc/loadavg`), nil where it cannot be read.
    static var loadAverage: Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }

    /// Cores busy with other work now: the non-idle share of all cores' time over 150 ms, times the core
    /// count; nil where `/proc/stat` cannot be read.
    static func busyCores() async -> Double? {
        guard let before = cpuTimes() else { return nil }
        try? await Task.sleep(for: .milliseconds(150))
        guard let after = cpuTimes(), after.total > before.total else { return nil }
        let idle = Double(after.idle - before.idle) / Double(after.total - before.total)
        return max(0, 1 - idle) * Double(count)
    }

    /// All cores' jiffies from the first line of `/proc/stat`: (idle + iowait, total).
    static func cpuTimes() -> (idle: UInt64, total: UInt64)? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
        guard fields.count >= 5 else { return nil }
        // user nice system idle iowait irq softirq steal (guest times are already in user and nice)
        return (fields[3] + fields[4], fields.prefix(8).reduce(0, +))
    }

    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
