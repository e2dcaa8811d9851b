/// How a ``ChatUpstreamServer`` answers request number `n` (1-based, counted over all connections).
package enum ChatUpstreamPlan: Sendable, Hashable {
    /// The fixed completion, after `latency` (zero: at once).
    case fixed(latency: Duration)
    /// Faults on a fixed schedule: of every 20 requests one 500, one 429, one 503, one malformed body and
    /// one answered only after `slowDelay`; the rest at once.
    case faults(slowDelay: Duration)

    /// What request number `index` gets.
    func answer(_ index: Int) -> UpstreamAnswer {
        switch self {
        case .fixed(let latency):
            return UpstreamAnswer(status: 200, body: ChatUpstreamServer.completionBody, delay: latency, isFault: false)
        case .faults(let slowDelay):
            let error = #"{"error":{"message":"injected fault","type":"server_error"}}"#
            switch index % 20 {
            case 3: return UpstreamAnswer(status: 500, body: error, delay: .zero, isFault: true)
            case 7: return UpstreamAnswer(status: 429, body: error, delay: .zero, isFault: true)
            case 11: return UpstreamAnswer(status: 503, body: error, delay: .zero, isFault: true)
            case 15: return UpstreamAnswer(status: 200, body: "{not json", delay: .zero, isFault: true)
            case 19: return UpstreamAnswer(status: 200, body: ChatUpstreamServer.completionBody, delay: slowDelay, isFault: true)
            default: return UpstreamAnswer(status: 200, body: ChatUpstreamServer.completionBody, delay: .zero, isFault: false)
            }
        }
    }
}

/// One answer of the upstream.
struct UpstreamAnswer: Sendable {
    var status: Int
    var body: String
    var delay: Duration
    var isFault: Bool
}
