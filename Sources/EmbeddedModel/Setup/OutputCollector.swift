import Foundation
import Synchronization

/// Accumulates a child's output and hands complete lines to a callback as they arrive.
final class OutputCollector: Sendable {
    private let state = Mutex((all: Data(), partial: Data()))
    private let onLine: @Sendable (String) -> Void

    init(onLine: @escaping @Sendable (String) -> Void) {
        self.onLine = onLine
    }

    func append(_ data: Data) {
        let lines: [String] = state.withLock { state in
            state.all.append(data)
            state.partial.append(data)
            var lines: [String] = []
            while let newline = state.partial.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                let line = state.partial[state.partial.startIndex..<newline]
                lines.append(String(decoding: line, as: UTF8.self))
                state.partial = Data(state.partial[state.partial.index(after: newline)...])
            }
            return lines
        }
        for line in lines where !line.isEmpty { onLine(line) }
    }

    func flush() {
        let last: String = state.withLock { state in
            defer { state.partial = Data() }
            return String(decoding: state.partial, as: UTF8.self)
        }
        if !last.isEmpty { onLine(last) }
    }

    var text: String { state.withLock { String(decoding: $0.all, as: UTF8.self) } }
}
