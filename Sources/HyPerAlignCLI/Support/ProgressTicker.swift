import Foundation
import LanguageModels

/// Shows that a long step is alive: an updating "label… 12s" line on a terminal, plain start/finish lines
/// otherwise (logs and CI stay readable). Silent when `quiet`.
struct ProgressTicker: Sendable {
    var quiet: Bool

    func run<T: Sendable>(_ label: String, _ body: @Sendable () async throws -> T) async throws -> T {
        guard !quiet else { return try await body() }
        let clock = ContinuousClock()
        let start = clock.now
        let interactive = Console.stderrIsTerminal
        if !interactive { Console.note("\(label)…") }
        let ticker = Task {
            guard interactive else { return }
            var tick = 0
            let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            while !Task.isCancelled {
                let seconds = (clock.now - start).components.seconds
                FileHandle.standardError.write(Data("\r\(frames[tick % frames.count]) \(label)… \(seconds)s ".utf8))
                tick += 1
                try? await Task.sleep(for: .milliseconds(120))
            }
        }
        defer { ticker.cancel() }
        do {
            let value = try await body()
            ticker.cancel()
            finish("✓ \(label)", elapsed: clock.now - start, interactive: interactive)
            return value
        } catch {
            ticker.cancel()
            finish("✗ \(label)", elapsed: clock.now - start, interactive: interactive)
            throw error
        }
    }

    private func finish(_ text: String, elapsed: Duration, interactive: Bool) {
        let seconds = elapsed.seconds
        let line = "\(text) (\(String(format: "%.1f", seconds))s)"
        FileHandle.standardError.write(Data(((interactive ? "\r\u{1B}[K" : "") + line + "\n").utf8))
    }
}
