import Foundation

/// How often and how patiently to retry transient failures (429, 5xx, timeouts, dropped connections,
/// malformed bodies): exponential backoff with full jitter, and a server's `Retry-After` honoured.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first; 1 disables retrying.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30)) {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1`: the server's `Retry-After` when given (capped by
    /// `maxDelay`), otherwise `baseDelay · 2^(attempt−1)` with full jitter.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(retryAfter, maxDelay) }
        let exponential = baseDelay * Int(1 << min(attempt - 1, 16))
        let capped = min(exponential, maxDelay)
        let fraction = Double.random(in: 0.5...1.0)
        return capped * fraction
    }

    /// Parses a `Retry-After` header: delta-seconds or an HTTP date.
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .milliseconds(Int(seconds * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        let interval = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int(interval * 1000))
    }
}
