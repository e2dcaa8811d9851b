/// What the installer is doing, for a progress display.
public struct SetupProgress: Sendable, Hashable {
    public var step: String
    /// Percent done of this step, when the tool reports it (cmake's `[ 42%]`).
    public var percent: Int?
    public var detail: String?

    public init(step: String, percent: Int? = nil, detail: String? = nil) {
        self.step = step
        self.percent = percent
        self.detail = detail
    }
}

/// Why the embedded runtime could not be set up, with the command and the tail of its output.
public struct EmbeddedSetupError: Error, CustomStringConvertible, Sendable {
    public var step: String
    public var message: String
    public var outputTail: String

    public init(step: String, message: String, outputTail: String = "") {
        self.step = step
        self.message = message
        self.outputTail = outputTail
    }

    public var description: String {
        var text = "embedded model setup failed while \(step): \(message)"
        if !outputTail.isEmpty { text += "\n--- last output ---\n\(outputTail)" }
        return text
    }
}
