import AsyncHTTPClient
import NIOCore
import NIOPosix

/// The HTTP client proxied requests go through: process-wide and never shut down, like
/// `HTTPClient.shared`, but with a connection pool as large as the proxy's concurrency (the provider
/// layer's client keeps 32 connections per host, too few for a fleet's traffic), no silent retries, and
/// no tracing spans: the service bootstraps no tracer, and async-http-client's default no-op span with its
/// request attributes still cost a few percent of a proxied request's CPU.
enum ProxyHTTPClient {
    static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 4096
        configuration.timeout.connect = .seconds(10)
        configuration.tracing.tracer = nil
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()
}
