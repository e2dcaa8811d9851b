import Foundation
import Hummingbird
import Logging
import ProfileStorage
import Synchronization

/// Checks `Authorization: Bearer KEY` against the store's key hashes and puts the caller's tenant in
/// the context. Known hashes are remembered for a minute so a hot path costs one hash, not one query.
/// The key itself is never logged or kept.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let keys: any APIKeyStore
    let cache = KeyCache()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ServiceError.unauthorized("missing API key: send 'Authorization: Bearer KEY' (see `hyperalign keys create`)")
        }
        let secret = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let hash = APIKey.hash(secret)
        let tenant: TenantID
        if let cached = cache.tenant(for: hash) {
            tenant = cached
        } else if let record = try await keys.apiKey(hash: hash) {
            tenant = record.tenant
            cache.remember(hash: hash, tenant: record.tenant)
        } else {
            throw ServiceError.unauthorized("invalid API key")
        }
        var context = context
        context.tenant = tenant
        context.keyHash = hash
        context.logger[metadataKey: "tenant"] = "\(tenant)"
        context.facts.tenant.withLock { $0 = tenant }
        return try await next(request, context)
    }

    /// Hash → tenant, each entry valid for `lifetime`.
    final class KeyCache: Sendable {
        let lifetime = Duration.seconds(60)
        let entries = Mutex([String: (tenant: TenantID, expires: ContinuousClock.Instant)]())

        func tenant(for hash: String) -> TenantID? {
            let now = ContinuousClock.now
            return entries.withLock { entries in
                guard let entry = entries[hash], entry.expires > now else { return nil }
                return entry.tenant
            }
        }

        func remember(hash: String, tenant: TenantID) {
            let expires = ContinuousClock.now + lifetime
            entries.withLock { entries in
                if entries.count > 10_000 { entries.removeAll() }
                entries[hash] = (tenant, expires)
            }
        }
    }
}
