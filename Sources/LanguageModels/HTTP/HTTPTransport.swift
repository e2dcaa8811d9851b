import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The HTTP plumbing every provider shares, written once: deadline, retries with backoff and
/// `Retry-After`, the concurrency limit, and the mapping of failures to ``LanguageModelError``.
public struct HTTPTransport: Sendable {
    public var client: HTTPClient
    public var timeout: Duration
    public var retry: RetryPolicy
    public var limiter: ConcurrencyLimiter
    public var logger: Logger
    /// Used in error messages and logs; never contains a key.
    public var providerName: String
    /// Largest response body accepted.
    public var maxBodyBytes: Int

    public init(
        client: HTTPClient = LanguageModelHTTPClient.shared,
        timeout: Duration = .seconds(120),
        retry: RetryPolicy = RetryPolicy(),
        maxConcurrentRequests: Int = 4,
        logger: Logger = Logger(label: "hyperalign.llm"),
        providerName: String,
        maxBodyBytes: Int = 32 * 1024 * 1024
    ) {
        self.client = client
        self.timeout = timeout
        self.retry = retry
        self.limiter = ConcurrencyLimiter(limit: maxConcurrentRequests)
        self.logger = logger
        self.providerName = providerName
        self.maxBodyBytes = maxBodyBytes
    }

    /// Sends `makeRequest()` and decodes a 2xx body with `decode`, retrying transient failures —
    /// including a body `decode` rejects as malformed — within the retry policy.
    public func send<T: Sendable>(
        _ makeRequest: @Sendable () throws -> HTTPClientRequest,
        decode: @Sendable (ByteBuffer) throws -> T
    ) async throws -> T {
        try await withRetries { attempt in
            let request = try makeRequest()
            let response = try await execute(request)
            let body = try await collect(response.body)
            guard (200..<300).contains(response.status.code) else {
                throw HTTPFailure(status: Int(response.status.code), body: body, headers: response.headers)
            }
            do {
                return try decode(body)
            } catch let error as LanguageModelError {
                throw error
            } catch {
                throw LanguageModelError.malformedResponse("\(error)", provider: providerName)
            }
        }
    }

    /// Opens a streaming response; only the opening (status line and headers) is retried,
    /// since a stream half-consumed cannot be replayed without duplicating text.
    public func open(_ makeRequest: @Sendable () throws -> HTTPClientRequest, deadline: Duration) async throws
        -> HTTPClientResponse
    {
        try await withRetries { _ in
            let request = try makeRequest()
            let response = try await execute(request, timeout: deadline)
            guard (200..<300).contains(response.status.code) else {
                let body = try await collect(response.body)
                throw HTTPFailure(status: Int(response.status.code), body: body, headers: response.headers)
            }
            return response
        }
    }

    private func execute(_ request: HTTPClientRequest, timeout: Duration? = nil) async throws -> HTTPClientResponse {
        let limit = timeout ?? self.timeout
        do {
            return try await client.execute(request, timeout: .nanoseconds(Int64(limit.nanoseconds)))
        } catch let error as HTTPClientError {
            throw map(error, timeout: limit)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LanguageModelError(.connection(String(describing: error)), provider: providerName)
        }
    }

    func map(_ error: HTTPClientError, timeout: Duration) -> any Error {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout:
            return LanguageModelError(.timeout(seconds: timeout.seconds), provider: providerName)
        case .connectTimeout:
            return LanguageModelError(.connection("connect timed out"), provider: providerName)
        case .cancelled:
            return CancellationError()
        default:
            return LanguageModelError(.connection(String(describing: error)), provider: providerName)
        }
    }

    private func collect(_ body: HTTPClientResponse.Body) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: maxBodyBytes)
        } catch let error as HTTPClientError {
            throw map(error, timeout: timeout)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LanguageModelError(.connection("reading the body: \(error)"), provider: providerName)
        }
    }
}
