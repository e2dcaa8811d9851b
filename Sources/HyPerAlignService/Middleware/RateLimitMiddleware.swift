import HTTPTypes
import Hummingbird
import ProfileStorage

/// Limits each tenant (all its keys together) to a sustained rate with a burst, answering 429
/// `rate_limit_exceeded` with `Retry-After` beyond it. Runs after ``APIKeyMiddleware``. The budget lives
/// in the store when the store is shared (PostgreSQL), so N replicas together allow what one would.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let budget: RequestBudget

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard budget.isLimited, let tenant = context.tenant else { return try await next(request, context) }
        if case .denied(let retryAfter) = try await budget.take("tenant:\(tenant)") {
            let seconds = max(1, Int(retryAfter.rounded(.up)))
            throw ServiceError(
                .tooManyRequests, type: "rate_limit_error", code: "rate_limit_exceeded",
                message: "too many requests for tenant '\(tenant)' (all its keys together); retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}
