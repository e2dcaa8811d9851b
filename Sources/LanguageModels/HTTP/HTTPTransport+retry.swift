import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A non-2xx answer, kept raw until the provider turns its body into a readable message.
struct HTTPFailure: Error {
    var status: Int
    var body: ByteBuffer
    var headers: HTTPHeaders
}

extension HTTPTransport {
    /// Runs `operation` under the concurrency limit, retrying transient failures with backoff.
    func withRetries<T: Sendable>(_ operation: @Sendable (_ attempt: Int) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            let current = attempt
            do {
                return try await limiter.withPermit { try await operation(current) }
            } catch let failure as HTTPFailure {
                var error = LanguageModelError(
                    .http(status: failure.status, message: ProviderErrorMessage.extract(from: failure.body)),
                    provider: providerName, attempts: attempt)
                guard error.isTransient, attempt < retry.maxAttempts else { throw error }
                let retryAfter = RetryPolicy.parseRetryAfter(failure.headers.first(name: "retry-after"))
                error.attempts = attempt
                try await pause(after: attempt, retryAfter: retryAfter, because: error)
            } catch var error as LanguageModelError {
                error.attempts = attempt
                guard error.isTransient, attempt < retry.maxAttempts else { throw error }
                try await pause(after: attempt, retryAfter: nil, because: error)
            }
            attempt += 1
        }
    }

    private func pause(after attempt: Int, retryAfter: Duration?, because error: LanguageModelError) async throws {
        let delay = retry.delay(afterAttempt: attempt, retryAfter: retryAfter)
        logger.warning(
            "retrying after transient failure",
            metadata: ["error": "\(error)", "attempt": "\(attempt)", "delay_ms": "\(delay.milliseconds)"])
        try await Task.sleep(for: delay)
    }
}
