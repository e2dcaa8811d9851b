/// A failure of a chat model call, readable at a terminal and safe to log: it names the provider,
/// the HTTP status and the provider's own message, and never contains an API key.
///
/// A struct over a private code so new kinds of failure can be added without breaking callers.
public struct LanguageModelError: Error, Sendable, CustomStringConvertible, Hashable {
    enum Code: Hashable, Sendable {
        case http(status: Int, message: String)
        case timeout(seconds: Double)
        case connection(String)
        case malformedResponse(String)
        case configuration(String)
        case streamInterrupted(String)
    }

    let code: Code
    /// The provider's name, e.g. `openai-compatible(http://127.0.0.1:8080/v1)` or `anthropic`.
    public var provider: String
    /// How many attempts were made before giving up.
    public var attempts: Int

    init(_ code: Code, provider: String, attempts: Int = 1) {
        self.code = code
        self.provider = provider
        self.attempts = attempts
    }

    /// The HTTP status, when the provider answered with one.
    public var httpStatus: Int? {
        if case .http(let status, _) = code { return status }
        return nil
    }

    /// Whether the same request may succeed if sent again (rate limits, overload, server errors, network).
    public var isTransient: Bool {
        switch code {
        case .http(let status, _): return [408, 409, 425, 429, 500, 502, 503, 504, 529].contains(status)
        case .timeout, .connection, .malformedResponse, .streamInterrupted: return true
        case .configuration: return false
        }
    }

    public var isTimeout: Bool {
        if case .timeout = code { return true }
        return false
    }

    /// The provider could not be reached at all (refused or unresolvable), as opposed to failing mid-call.
    public var isConnectionFailure: Bool {
        if case .connection = code { return true }
        return false
    }

    public var isMalformedResponse: Bool {
        if case .malformedResponse = code { return true }
        return false
    }

    public static func configuration(_ message: String, provider: String) -> LanguageModelError {
        LanguageModelError(.configuration(message), provider: provider)
    }

    public static func malformedResponse(_ detail: String, provider: String) -> LanguageModelError {
        LanguageModelError(.malformedResponse(detail), provider: provider)
    }

    public var description: String {
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        switch code {
        case .http(let status, let message):
            let text = message.isEmpty ? "" : ": \(message)"
            return "\(provider): HTTP \(status)\(text)\(tries)"
        case .timeout(let seconds):
            return "\(provider): no answer within \(Self.format(seconds)) s\(tries)"
        case .connection(let detail):
            return "\(provider): cannot connect (\(detail))\(tries)"
        case .malformedResponse(let detail):
            return "\(provider): malformed response: \(detail)\(tries)"
        case .configuration(let message):
            return "\(provider): \(message)"
        case .streamInterrupted(let detail):
            return "\(provider): stream interrupted: \(detail)\(tries)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
    }
}
