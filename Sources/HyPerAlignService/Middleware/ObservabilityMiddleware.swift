import Hummingbird
import LanguageModels
import Logging
import Synchronization

/// The outermost middleware: turns every error into the OpenAI error shape, counts and times each request
/// by route template, and logs one structured line per request (method, route, status, duration, tenant —
/// never the API key, never a body).
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        var response: Response
        var failure: ServiceError?
        do {
            response = try await next(request, context)
        } catch {
            let translated = ServiceError.translating(error)
            failure = translated
            response = try translated.response(from: request, context: context)
            if translated.type == "upstream_error" { metrics.upstreamError(code: translated.code) }
            if translated.status.code >= 500, !(error is ServiceError) {
                // The full error (with the upstream's address) goes to the log only, never to the client.
                let level: Logger.Level = translated.type == "upstream_error" ? .warning : .error
                context.logger.log(level: level, "request failed", metadata: ["error": "\(String(describing: error))"])
            }
        }
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.request(method: request.method.rawValue, route: route, status: response.status.code, duration: duration)
        let level: Logger.Level = response.status.code >= 500 ? .warning : .info
        if context.logger.logLevel <= level {  // the line's metadata is only built when it is written
            var metadata: Logger.Metadata = [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(response.status.code)",
                "duration_ms": "\(duration.milliseconds)",
            ]
            if let failure { metadata["error_code"] = "\(failure.code)" }
            if let tenant = context.facts.tenant.withLock({ $0 }) { metadata["tenant"] = "\(tenant)" }
            context.logger.log(level: level, "request", metadata: metadata)
        }
        return response
    }
}
