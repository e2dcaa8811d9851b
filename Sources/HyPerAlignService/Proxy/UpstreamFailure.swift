import AsyncHTTPClient
import HTTPTypes

/// What the client sees when the upstream cannot give an answer of its own: a transport failure or a
/// 5xx. (Upstream 4xx are not failures of the gateway: they are relayed with their own body.)
enum UpstreamFailure {
    /// An upstream 5xx: 503 for overloaded (503, 529), 502 otherwise; the upstream's body is logged only.
    static func status(_ code: Int) -> ServiceError {
        switch code {
        case 503, 529: make(.serviceUnavailable, "upstream_overloaded", "the upstream model is overloaded (HTTP \(code))")
        case 504: make(.gatewayTimeout, "upstream_timeout", "the upstream model timed out (HTTP 504)")
        default: make(.badGateway, "upstream_error", "the upstream model failed (HTTP \(code))")
        }
    }

    /// A failure to reach the upstream or to read its answer.
    static func transport(_ error: any Error) -> any Error {
        if error is CancellationError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return make(.gatewayTimeout, "upstream_timeout", "the upstream model did not answer in time")
            case .cancelled: return CancellationError()
            case .connectTimeout: return unreachable
            default: break
            }
        }
        let text = String(describing: error).lowercased()
        if String(reflecting: type(of: error)).hasSuffix("NIOConnectionError") || text.contains("refused")
            || text.contains("resolve")
        {
            return unreachable
        }
        return make(.badGateway, "upstream_interrupted", "the connection to the upstream model broke off")
    }

    static let unreachable = make(.serviceUnavailable, "upstream_unavailable", "the upstream model is unreachable")

    static let malformed = make(.badGateway, "upstream_malformed_response", "the upstream model sent a malformed response")

    static func make(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> ServiceError {
        var headers: HTTPFields = [:]
        if status == .serviceUnavailable { headers[.retryAfter] = "1" }
        return ServiceError(status, type: "upstream_error", code: code, message: message, headers: headers)
    }
}
