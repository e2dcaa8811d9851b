/// The last `capacity` lines of a child's output: enough for an error message, bounded for a long build.
struct LineTail: Sendable {
    let capacity: Int
    private(set) var lines: [String] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    mutating func append(_ line: String) {
        lines.append(line)
        if lines.count > capacity * 2 { lines.removeFirst(lines.count - capacity) }
    }

    var retained: [String] { Array(lines.suffix(capacity)) }
}
