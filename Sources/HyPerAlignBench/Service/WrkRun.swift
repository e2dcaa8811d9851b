import ChildProcesses
import Foundation

/// One run of `wrk` (from Debian's package) against a URL with a JSON POST body, and what it measured.
struct WrkRun: Sendable, Encodable {
    var label: String
    var connections: Int
    var seconds: Int
    var requests: Int
    var requestsPerSecond: Double
    var latencyP50Milliseconds: Double
    var latencyP99Milliseconds: Double
    var non2xx: Int
    var socketErrors: Int

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `wrk --latency` for `seconds` with `connections` connections on one thread.
    static func run(
        label: String, url: String, body: String, apiKey: String?, connections: Int, seconds: Int, timeoutSeconds: Int = 5
    ) async throws -> WrkRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wrk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("post.lua")
        var lua = "wrk.method = \"POST\"\nwrk.body = [==[\(body)]==]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
        if let apiKey { lua += "wrk.headers[\"Authorization\"] = \"Bearer \(apiKey)\"\n" }
        try lua.write(to: script, atomically: true, encoding: .utf8)
        let command = ChildCommand(
            "wrk", ["--latency", "-t1", "-c\(connections)", "-d\(seconds)s", "--timeout", "\(timeoutSeconds)s", "-s", script.path, url])
        let exit: ChildExit
        do { exit = try await ChildProcess.run(command) } catch {
            throw Failure(description: "cannot run wrk (apt-get install wrk): \(error)")
        }
        let output = exit.output
        guard exit.succeeded else { throw Failure(description: "wrk failed (\(exit.status)): \(output)") }
        return try parse(output, label: label, connections: connections, seconds: seconds)
    }

    static func parse(_ output: String, label: String, connections: Int, seconds: Int) throws -> WrkRun {
        func number(after prefix: String) -> Double? {
            guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) })
            else { return nil }
            let rest = line.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return milliseconds(String(rest.split(separator: " ").first ?? ""))
        }
        guard let p50 = number(after: "50%"), let p99 = number(after: "99%"),
            let rate = output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") })
                .flatMap({ Double($0.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces)) }),
            let total = output.split(separator: "\n").first(where: { $0.contains(" requests in ") })
                .flatMap({ Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") })
        else { throw Failure(description: "cannot read wrk's output:\n\(output)") }
        let non2xx = output.split(separator: "\n").first(where: { $0.contains("Non-2xx or 3xx responses:") })
            .flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 0
        let socketErrors = output.split(separator: "\n").first(where: { $0.contains("Socket errors:") }).map { line in
            line.split(separator: ",").compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
        } ?? 0
        return WrkRun(label: label, connections: connections, seconds: seconds, requests: total, requestsPerSecond: rate,
                      latencyP50Milliseconds: p50, latencyP99Milliseconds: p99, non2xx: non2xx, socketErrors: socketErrors)
    }

    /// "812.00us", "1.20ms", "2.01s" → milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        for (suffix, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        return nil
    }
}
