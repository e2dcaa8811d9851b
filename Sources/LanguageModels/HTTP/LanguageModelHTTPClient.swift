import AsyncHTTPClient
import NIOCore
import NIOPosix

/// The HTTP client providers use unless one is injected: like `HTTPClient.shared` (process-wide, never
/// shut down), but a refused connection fails at once instead of being retried until the request's
/// deadline — the provider layer's own ``RetryPolicy`` decides about retrying, with backoff and limits.
public enum LanguageModelHTTPClient {
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 32
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}
