import Foundation

/// Runs a setup command, streaming its output lines to a callback and keeping the tail for errors.
struct CommandRunner: Sendable {
    var step: String

    @discardableResult
    func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil,
        onLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let collector = OutputCollector(onLine: onLine)
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { collector.append(data) }
        }
        let exit = ProcessExit(process)
        do {
            try process.run()
        } catch {
            throw EmbeddedSetupError(step: step, message: "cannot start `\(executable)`: \(error)")
        }
        ChildProcessRegistry.shared.register(process)
        defer { ChildProcessRegistry.shared.unregister(process) }
        await withTaskCancellationHandler {
            await exit.wait()
        } onCancel: {
            process.terminate()
        }
        pipe.fileHandleForReading.readabilityHandler = nil
        if let rest = try? pipe.fileHandleForReading.readToEnd() { collector.append(rest) }
        collector.flush()
        let output = collector.text
        guard process.terminationStatus == 0 else {
            let tail = output.split(separator: "\n").suffix(25).joined(separator: "\n")
            throw EmbeddedSetupError(
                step: step,
                message: "`\(Self.shortCommand(executable, arguments))` exited with \(process.terminationStatus)",
                outputTail: tail)
        }
        return output
    }

    /// The command for an error message: long or multi-line arguments (inline scripts) abbreviated.
    static func shortCommand(_ executable: String, _ arguments: [String]) -> String {
        let parts = arguments.map { argument -> String in
            let firstLine = argument.split(separator: "\n").first.map(String.init) ?? argument
            return firstLine.count > 60 || argument.contains("\n") ? String(firstLine.prefix(40)) + "…" : argument
        }
        let text = ([executable] + parts).joined(separator: " ")
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
