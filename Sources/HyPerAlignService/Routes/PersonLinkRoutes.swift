import Foundation
import Hummingbird
import ProfileStorage

/// `/v1/users/{id}/links`: the operator makes, lists and revokes the links a person opens their own page
/// with (see ``PersonLinks``). Behind the API key like every `/v1` route; a link is for one user of the
/// key's tenant.
struct PersonLinkRoutes {
    let service: HyPerAlignService
    let links: PersonLinks

    /// The body of `POST /v1/users/{id}/links` (optional): how long the link works.
    struct CreateBody: Decodable, Sendable {
        var ttlSeconds: Int?
    }

    /// The document's link id pattern: what ``PersonLink/makeID()`` makes.
    static let linkIDPattern = "^lnk_[0-9a-f]{20}$"

    /// One link in a listing: never its token.
    struct LinkBody: Encodable, Sendable {
        var id: String
        var userID: String
        var createdAt: Date
        var expiresAt: Date
        var revokedAt: Date?
        var state: PersonLink.State

        init(_ link: PersonLink) {
            id = link.id
            userID = link.userID
            createdAt = link.createdAt
            expiresAt = link.expiresAt
            revokedAt = link.revokedAt
            state = link.state()
        }
    }

    func add(to group: RouterGroup<ServiceRequestContext>) {
        let users = UserRoutes(service: service)
        group.post("users/{id}/links") { request, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            var lifetime: Duration?
            if let length = request.headers[.contentLength].flatMap(Int.init), length > 0 {
                let body = try await JSONBody.decode(CreateBody.self, from: request, limit: service.configuration.maxBodyBytes)
                lifetime = body.ttlSeconds.map { .seconds($0) }
            }
            _ = try await service.profile(id, tenant: tenant)  // 404 for an unknown user
            do {
                let issued = try await links.issue(
                    userID: id, tenant: tenant, lifetime: lifetime, baseURL: Self.baseURL(of: request, service: service))
                return try JSONBody.response(issued, status: .created, headers: [.location: "/v1/users/\(id)/links/\(issued.id)"])
            } catch let error as PersonLinkError {
                throw ServiceError.badRequest(error.description, code: "invalid_link_request", param: "ttlSeconds")
            }
        }
        group.get("users/{id}/links") { _, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            _ = try await service.profile(id, tenant: tenant)
            return try JSONBody.response(ListBody(data: try await service.store.personLinks(userID: id, tenant: tenant).map(LinkBody.init)))
        }
        group.delete("users/{id}/links/{link}") { _, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            let linkID = try context.pathParameter("link")
            guard PersonLink.isValidID(linkID) else {
                throw ServiceError.badRequest("'\(linkID)' is not a link id (lnk_ and 20 hex digits)", code: "invalid_link_id", param: "link")
            }
            guard try await links.revoke(linkID: linkID, userID: id, tenant: tenant) != nil else {
                throw ServiceError.notFound("user '\(id)' has no link '\(linkID)'", code: "link_not_found")
            }
            return Response(status: .noContent)
        }
    }

    /// Where the operator reached this service (`http://HOST`), for the link's URL when no public URL is set.
    static func baseURL(of request: Request, service: HyPerAlignService) -> String {
        let host = request.head.authority ?? "\(service.configuration.host):\(service.configuration.port)"
        return "http://\(host)"
    }
}
