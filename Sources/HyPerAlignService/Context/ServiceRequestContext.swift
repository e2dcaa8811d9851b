import Hummingbird
import NIOCore
import ProfileStorage
import Synchronization

/// The per-request state the service's routes share: who is calling, once the API key is checked.
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, which the per-address limit counts by (before any API key is checked).
    public let remoteAddress: SocketAddress?
    /// The caller's tenant; set by ``APIKeyMiddleware`` before any `/v1` route runs.
    public var tenant: TenantID?
    /// The caller's key hash (never the key itself).
    public var keyHash: String?
    /// What inner middleware learned, readable by the outer ones (contexts are copied on the way in, this
    /// box is shared): the tenant for the request's log line.
    let facts = RequestFacts()

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The tenant of an authenticated request; a route outside the authenticated group gets a 401.
    public func requireTenant() throws -> TenantID {
        guard let tenant else { throw ServiceError.unauthorized("no API key") }
        return tenant
    }
}

/// Request facts shared across context copies.
final class RequestFacts: Sendable {
    let tenant = Mutex<TenantID?>(nil)
}
