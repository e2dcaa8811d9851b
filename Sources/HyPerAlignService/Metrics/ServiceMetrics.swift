import CoreMetrics
import Metrics
import Prometheus

/// The service's Prometheus metrics, recorded through swift-metrics with an explicit factory (so several
/// services in one process, as in tests, keep separate registries) and served at `/metrics`.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
    }

    /// One finished HTTP request, by route template (never the raw path, which holds user ids).
    func request(method: String, route: String, status: Int, duration: Duration) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        Counter(label: "hyperalign_http_requests_total", dimensions: dimensions, factory: factory).increment()
        Metrics.Timer(label: "hyperalign_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .record(duration: duration)
    }

    /// An upstream model failure, by the code the client saw (`upstream_timeout`, …).
    func upstreamError(code: String) {
        Counter(label: "hyperalign_upstream_errors_total", dimensions: [("code", code)], factory: factory).increment()
    }

    /// Tokens spent upstream, by kind, and whether the request was personalized.
    func tokens(prompt: Int, completion: Int, personalized: Bool) {
        let flag = personalized ? "true" : "false"
        Counter(label: "hyperalign_tokens_total", dimensions: [("kind", "prompt"), ("personalized", flag)], factory: factory)
            .increment(by: prompt)
        Counter(label: "hyperalign_tokens_total", dimensions: [("kind", "completion"), ("personalized", flag)], factory: factory)
            .increment(by: completion)
    }

    /// A chat completion, by whether a profile personalized it.
    func chatCompletion(personalized: Bool, stream: Bool) {
        Counter(
            label: "hyperalign_chat_completions_total",
            dimensions: [("personalized", personalized ? "true" : "false"), ("stream", stream ? "true" : "false")],
            factory: factory
        ).increment()
    }

    /// An inference job reaching a final state.
    func job(status: String) {
        Counter(label: "hyperalign_inference_jobs_total", dimensions: [("status", status)], factory: factory).increment()
    }

    /// The Prometheus text exposition of everything recorded.
    public func exposition() -> String { registry.emitToString() }
}
