import Foundation
import HTTPTypes
import HyPerAlign
import Hummingbird
import ProfileStorage

/// `/v1/users/{id}/hypotheses`: read, edit (optimistically concurrent), delete, and re-infer as a job.
struct HypothesisRoutes {
    let service: HyPerAlignService

    func add(to group: RouterGroup<ServiceRequestContext>) {
        let users = UserRoutes(service: service)
        group.get("users/{id}/hypotheses") { _, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            let profile = try await service.profile(id, tenant: tenant)
            guard let set = try await service.store.hypothesisSet(for: id, tenant: tenant) else {
                throw ServiceError.notFound("user '\(id)' has no hypotheses yet; POST …/hypotheses/inference", code: "hypotheses_not_found")
            }
            return try JSONBody.response(HypothesesBody(set: set, stale: set.isStale(for: profile)), headers: [.eTag: "\"\(set.revision)\""])
        }
        group.patch("users/{id}/hypotheses") { request, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            let body = try await JSONBody.decode(HypothesisEditsBody.self, from: request, limit: service.configuration.maxBodyBytes)
            let edits = try body.edits.enumerated().map { try $1.edit(at: $0) }
            let pinned = try body.revision ?? ifMatch(request)
            let saved = try await edit(id, tenant: tenant, edits: edits, pinnedRevision: pinned)
            let profile = try await service.profile(id, tenant: tenant)
            return try JSONBody.response(HypothesesBody(set: saved, stale: saved.isStale(for: profile)), headers: [.eTag: "\"\(saved.revision)\""])
        }
        group.delete("users/{id}/hypotheses") { _, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            _ = try await service.profile(id, tenant: tenant)
            guard try await service.store.deleteHypothesisSet(for: id, tenant: tenant) else {
                throw ServiceError.notFound("user '\(id)' has no hypotheses", code: "hypotheses_not_found")
            }
            return Response(status: .noContent)
        }
        group.post("users/{id}/hypotheses/inference") { _, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            let profile = try await service.profile(id, tenant: tenant)
            guard !profile.texts.isEmpty else {
                throw ServiceError.badRequest("user '\(id)' has no texts to infer from", code: "no_texts")
            }
            let job = service.jobs.enqueue(userID: id, tenant: tenant)
            return try JSONBody.response(job, status: .accepted, headers: [.location: "/v1/jobs/\(job.id)"])
        }
        group.get("jobs/{job}") { _, context in
            let id = try context.parameters.require("job")
            guard let job = service.jobs.job(id, tenant: try context.requireTenant()) else {
                throw ServiceError.notFound("no job '\(id)'", code: "job_not_found")
            }
            return try JSONBody.response(job)
        }
    }

    /// Applies `edits` atomically. Pinned to a revision, a concurrent change is a 409; unpinned, the edits
    /// are re-applied to the newest set until they land, so concurrent editors never lose each other's work.
    func edit(_ id: String, tenant: TenantID, edits: [HypothesisEdit], pinnedRevision: Int?) async throws -> HypothesisSet {
        do {
            return try await service.store.updateHypothesisSet(for: id, tenant: tenant) { current in
                guard let current else { throw NoHypotheses() }
                if let pinnedRevision, pinnedRevision != current.revision {
                    throw ServiceError.conflict(
                        "the hypotheses of '\(id)' are at revision \(current.revision), not \(pinnedRevision); reload and retry")
                }
                return try edits.reduce(current) { try $0.applying($1) }
            }
        } catch is NoHypotheses {
            _ = try await service.profile(id, tenant: tenant)  // a missing user is a 404 of its own
            throw ServiceError.notFound("user '\(id)' has no hypotheses to edit", code: "hypotheses_not_found")
        }
    }

    /// The user exists but has no hypothesis set to edit.
    private struct NoHypotheses: Error {}

    /// `If-Match: "3"` pins an edit to revision 3.
    func ifMatch(_ request: Request) throws -> Int? {
        guard let value = request.headers[.ifMatch] else { return nil }
        guard let revision = Int(value.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) else {
            throw ServiceError.badRequest("If-Match must be a revision such as \"3\"", param: "If-Match")
        }
        return revision
    }
}
