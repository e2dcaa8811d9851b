import Foundation
import Synchronization
import Hummingbird
import Logging
import ProfileStorage

/// Checks `Authorization: Bearer KEY` against the store's key hashes and puts the caller's tenant in the
/// context. Lookups are remembered briefly (``APIKeyCache``): found keys, and unknown or revoked ones, so
/// neither a hot key nor a flood of bad keys queries the store on every request, and a revocation takes
/// effect on every replica within ``ServiceConfiguration/keyCacheLifetime``. The key itself is never
/// logged or kept.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let keys: any APIKeyStore
    let cache: APIKeyCache

    init(keys: any APIKeyStore, cache: APIKeyCache) {
        self.keys = keys
        self.cache = cache
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ServiceError.unauthorized("missing API key: send 'Authorization: Bearer KEY' (see `hyperalign keys create`)")
        }
        let secret = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let hash = APIKey.hash(secret)
        let entry: APIKeyCache.Entry
        if let cached = cache.entry(for: hash) {
            entry = cached
        } else {
            let record = try await keys.apiKey(hash: hash)
            entry = record.map { $0.revokedAt == nil ? .tenant($0.tenant) : .revoked } ?? .unknown
            cache.remember(entry, for: hash)
        }
        let tenant: TenantID
        switch entry {
        case .tenant(let found): tenant = found
        case .unknown: throw ServiceError.unauthorized("invalid API key")
        case .revoked: throw ServiceError.unauthorized("this API key was revoked")
        }
        var context = context
        context.tenant = tenant
        context.keyHash = hash
        context.logger[metadataKey: "tenant"] = "\(tenant)"
        context.facts.tenant.withLock { $0 = tenant }
        return try await next(request, context)
    }
}
