import HTTPTypes
import Hummingbird
import NIOCore
import ProfileStorage

/// Limits each client address before its API key is checked, so a flood of requests with bad keys is
/// refused without a store lookup. Per process: it guards this replica's store connections.
struct AddressRateLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let budget: RequestBudget

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard budget.isLimited else { return try await next(request, context) }
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        if case .denied(let retryAfter) = try await budget.take("address:\(address)") {
            let seconds = max(1, Int(retryAfter.rounded(.up)))
            throw ServiceError(
                .tooManyRequests, type: "rate_limit_error", code: "rate_limit_exceeded",
                message: "too many requests from this address; retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}
