import CoreMetrics
import Metrics
import Prometheus
import Synchronization

/// The service's Prometheus metrics, recorded through swift-metrics with an explicit factory (so several
/// services in one process, as in tests, keep separate registries) and served at `/metrics`.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    /// Handles already made: the hot path reuses them instead of asking the registry (a lock, a lookup
    /// and name sanitizing) on every request, and finds them by a key that costs no allocation.
    let requestCounters = Mutex([RequestKey: CoreMetrics.Counter]())
    let timers = Mutex([String: Metrics.Timer]())
    let counters = Mutex([String: CoreMetrics.Counter]())
    /// Chat completions by [personalized][stream], tokens by [personalized][prompt, completion]: made once.
    let chatCompletions: [[CoreMetrics.Counter]]
    let tokenCounters: [[CoreMetrics.Counter]]

    struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
        let flags = ["false", "true"]
        chatCompletions = flags.map { personalized in
            flags.map { stream in
                CoreMetrics.Counter(
                    label: "hyperalign_chat_completions_total", dimensions: [("personalized", personalized), ("stream", stream)],
                    factory: factory)
            }
        }
        tokenCounters = flags.map { personalized in
            ["prompt", "completion"].map { kind in
                CoreMetrics.Counter(
                    label: "hyperalign_tokens_total", dimensions: [("kind", kind), ("personalized", personalized)], factory: factory)
            }
        }
    }

    /// One finished HTTP request, by route template (never the raw path, which holds user ids).
    func request(method: String, route: String, status: Int, duration: Duration) {
        let key = RequestKey(method: method, route: route, status: status)
        let counter = requestCounters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(
                label: "hyperalign_http_requests_total", dimensions: [("method", method), ("route", route), ("status", String(status))],
                factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
        let timer = timers.withLock { timers in
            if let timer = timers[route] { return timer }
            let timer = Metrics.Timer(label: "hyperalign_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            timers[route] = timer
            return timer
        }
        timer.record(duration: duration)
    }

    /// An upstream model failure, by the code the client saw (`upstream_timeout`, …).
    func upstreamError(code: String) {
        counter("hyperalign_upstream_errors_total", [("code", code)]).increment()
    }

    /// Tokens spent upstream, by kind, and whether the request was personalized.
    func tokens(prompt: Int, completion: Int, personalized: Bool) {
        let counters = tokenCounters[personalized ? 1 : 0]
        counters[0].increment(by: prompt)
        counters[1].increment(by: completion)
    }

    /// A chat completion, by whether a profile personalized it.
    func chatCompletion(personalized: Bool, stream: Bool) {
        chatCompletions[personalized ? 1 : 0][stream ? 1 : 0].increment()
    }

    /// An inference job reaching a final state.
    func job(status: String) {
        counter("hyperalign_inference_jobs_total", [("status", status)]).increment()
    }

    func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        let key = label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
    }

    /// The Prometheus text exposition of everything recorded.
    public func exposition() -> String { registry.emitToString() }
}
