import Foundation
import HTTPTypes
import HyPerAlign
import Hummingbird
import LanguageModels
import ProfileStorage

extension ServiceError {
    /// The answer for any error a route or the pipeline throws. Upstream failures become 502/503/504
    /// without the upstream's address (it is logged, not shown); store failures become 404/409, or a 503
    /// `store_unavailable` that never carries the database's own message (that is logged, not shown).
    public static func translating(_ error: any Error) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as LanguageModelError:
            return upstream(error)
        case let error as StoreError:
            switch error.kind {
            case .notFound: return .notFound(error.message, code: "user_not_found")
            case .conflict: return .conflict(error.message)
            case .corrupt: return .internal("stored data cannot be read")
            case .unavailable: return .storeUnavailable
            }
        case let error as TextLimitExceeded:
            return .conflict(error.description, code: "too_many_texts")
        case let error as ChatCompletionContract.Violation:
            return .badRequest(error.description, param: error.param)
        case let error as InputError:
            return .badRequest(error.description)
        case let error as HypothesisEditError:
            return .badRequest(error.message, code: "invalid_edit")
        case let error as GenerationError:
            return .conflict(error.message, code: "hypotheses_required")
        case let error as DecodingError:
            return .badRequest("the request body is not valid: \(describe(error))", code: "invalid_json")
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound(error.body ?? "no such route", code: "unknown_route")
            case .contentTooLarge: return .tooLarge(error.body ?? "the request body is too large")
            case .methodNotAllowed:
                return .init(.methodNotAllowed, type: "invalid_request_error", code: "method_not_allowed",
                             message: error.body ?? "method not allowed", headers: error.headers)
            default:
                return .init(error.status, type: error.status.code < 500 ? "invalid_request_error" : "api_error",
                             code: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase,
                             headers: error.headers)
            }
        default:
            // A database error that escaped its store's own translation (GRDB names its domain) is the
            // store failing, not the service: a 503 the client may retry.
            if (error as NSError).domain.hasPrefix("GRDB.") { return .storeUnavailable }
            return .internal("internal error")
        }
    }

    /// Maps a provider failure to what the client can act on: 504 slow, 503 down or overloaded, 502 broken.
    static func upstream(_ error: LanguageModelError) -> ServiceError {
        func make(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> ServiceError {
            var headers: HTTPFields = [:]
            if status == .serviceUnavailable { headers[.retryAfter] = "1" }
            return .init(status, type: "upstream_error", code: code, message: message, headers: headers)
        }
        if error.isTimeout { return make(.gatewayTimeout, "upstream_timeout", "the upstream model did not answer in time") }
        if error.isMalformedResponse {
            return make(.badGateway, "upstream_malformed_response", "the upstream model sent a malformed response")
        }
        if let status = error.httpStatus {
            switch status {
            case 429: return make(.serviceUnavailable, "upstream_rate_limited", "the upstream model is rate limited")
            case 503, 529: return make(.serviceUnavailable, "upstream_overloaded", "the upstream model is overloaded")
            case 500...: return make(.badGateway, "upstream_error", "the upstream model failed (HTTP \(status))")
            default: return make(.badGateway, "upstream_rejected", "the upstream model rejected the request (HTTP \(status))")
            }
        }
        if error.isConnectionFailure {
            return make(.serviceUnavailable, "upstream_unavailable", "the upstream model is unreachable")
        }
        if error.isTransient { return make(.badGateway, "upstream_interrupted", "the upstream model stream broke off") }
        return .internal("the upstream model is misconfigured")
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : "field '\(keys.drop(while: { $0 == "." }))': "
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context))missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context))\(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
