import HTTPTypes
import Hummingbird

/// Turns the router's 404 for a known path asked with a method it does not answer into a 405 with the
/// `Allow` header (RFC 9110 §15.5.6), so a client learns the resource exists and what it accepts.
/// Runs before any API key check: which methods a path takes is public, like the OpenAPI document.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.endpointPath == "NotFound" {
            let allowed = routes.methods(for: request.uri.path)
            // Nothing matches, or the router refused a spelling of the path (a trailing '/') that the table
            // matches with this very method: an unknown path either way.
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            throw ServiceError(
                .methodNotAllowed, type: "invalid_request_error", code: "method_not_allowed",
                message: "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(list)",
                headers: [.allow: list])
        }
    }
}
