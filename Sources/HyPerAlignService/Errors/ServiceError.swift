import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error the service answers with, rendered in the OpenAI error shape
/// (`{"error": {"message", "type", "param", "code"}}`) on every route, so any OpenAI SDK shows it well.
public struct ServiceError: Error, HTTPResponseError, CustomStringConvertible, Sendable {
    public var status: HTTPResponse.Status
    /// OpenAI's `type`: `invalid_request_error`, `authentication_error`, `rate_limit_error`, `api_error`, …
    public var type: String
    /// A stable, machine-readable code such as `user_not_found` or `upstream_timeout`.
    public var code: String
    public var message: String
    public var param: String?
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, type: String, code: String, message: String, param: String? = nil,
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.type = type
        self.code = code
        self.message = message
        self.param = param
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(error: .init(message: message, type: type, param: param, code: code))
        var fields = headers
        fields[.contentType] = "application/json"
        let data = try JSONEncoder().encode(body)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Codable {
        struct Detail: Codable {
            var message: String
            var type: String
            var param: String?
            var code: String
        }
        var error: Detail
    }
}

extension ServiceError {
    public static func badRequest(_ message: String, code: String = "invalid_request", param: String? = nil) -> Self {
        .init(.badRequest, type: "invalid_request_error", code: code, message: message, param: param)
    }

    public static func notFound(_ message: String, code: String = "not_found") -> Self {
        .init(.notFound, type: "invalid_request_error", code: code, message: message)
    }

    public static func unauthorized(_ message: String) -> Self {
        .init(.unauthorized, type: "authentication_error", code: "invalid_api_key", message: message,
              headers: [.wwwAuthenticate: "Bearer"])
    }

    /// A well-formed request the resource's current state does not allow (a concurrent edit, a full
    /// user, no texts or hypotheses yet).
    public static func conflict(_ message: String, code: String = "conflict") -> Self {
        .init(.conflict, type: "invalid_request_error", code: code, message: message)
    }

    public static func tooLarge(_ message: String) -> Self {
        .init(.contentTooLarge, type: "invalid_request_error", code: "request_too_large", message: message)
    }

    public static func rateLimited(retryAfterSeconds: Int) -> Self {
        .init(.tooManyRequests, type: "rate_limit_error", code: "rate_limit_exceeded",
              message: "too many requests for this API key; retry in \(retryAfterSeconds) s",
              headers: [.retryAfter: String(retryAfterSeconds)])
    }

    /// The store does not answer (down, overloaded, locked): worth a retry, said without the database's
    /// own message, which names hosts and tables.
    public static var storeUnavailable: Self {
        .init(.serviceUnavailable, type: "api_error", code: "store_unavailable",
              message: "the profile store is unavailable; retry shortly", headers: [.retryAfter: "1"])
    }

    public static func `internal`(_ message: String) -> Self {
        .init(.internalServerError, type: "api_error", code: "internal_error", message: message)
    }
}
