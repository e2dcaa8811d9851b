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
            return try JSONBody.response(HypothesisSetDocument(set, profile: profile), headers: [.eTag: "\"\(set.revision)\""])
        }
        group.patch("users/{id}/hypotheses") { request, context in
            let id = try users.userID(context)
            let tenant = try context.requireTenant()
            let body = try await JSONBody.decode(HypothesisEditsBody.self, from: request, limit: service.configuration.maxBodyBytes)
            let edits = try body.edits.enumerated().map { try $1.edit(at: $0) }
            let pinned = try body.revision ?? ifMatch(request)
            let profile = try await service.profile(id, tenant: tenant)
            let saved = try await edit(profile, tenant: tenant, edits: edits, pinnedRevision: pinned)
            return try JSONBody.response(HypothesisSetDocument(saved, profile: profile), headers: [.eTag: "\"\(saved.revision)\""])
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
                throw ServiceError.conflict("user '\(id)' has no texts to infer from; add some first", code: "no_texts")
            }
            // A user's queued or running job is answered again rather than doubled.
            let (job, _) = try await service.jobs.enqueue(userID: id, tenant: tenant)
            return try JSONBody.response(job, status: .accepted, headers: [.location: "/v1/jobs/\(job.id)"])
        }
        group.get("jobs/{job}") { _, context in
            let id = try context.pathParameter("job")
            guard Self.isJobID(id) else {
                throw ServiceError.badRequest("'\(id)' is not a job id (job_ and 32 hex digits)", code: "invalid_job_id", param: "job")
            }
            guard let job = try await service.jobs.job(id, tenant: try context.requireTenant()) else {
                throw ServiceError.notFound("no job '\(id)'", code: "job_not_found")
            }
            return try JSONBody.response(job)
        }
    }

    /// Applies `edits` atomically. Pinned to a revision, a concurrent change is a 409; unpinned, the edits
    /// are re-applied to the newest set until they land, so concurrent editors never lose each other's work.
    /// A user with no hypotheses yet gets a set of their own (revision 0 before it is saved).
    func edit(_ profile: UserProfile, tenant: TenantID, edits: [HypothesisEdit], pinnedRevision: Int?) async throws -> HypothesisSet {
        let id = profile.id
        return try await service.store.updateHypothesisSet(for: id, tenant: tenant) { stored in
            let current = stored ?? .empty(for: profile)
            if let pinnedRevision, pinnedRevision != current.revision {
                throw ServiceError.conflict(
                    "the hypotheses of '\(id)' are at revision \(current.revision), not \(pinnedRevision); reload and retry")
            }
            return try Self.applying(edits, to: current)
        }
    }

    /// `edits` applied in order; one naming a hypothesis the set does not have (any more) is a 409: the
    /// request is well-formed, the set's current state does not allow it.
    static func applying(_ edits: [HypothesisEdit], to set: HypothesisSet) throws -> HypothesisSet {
        try edits.enumerated().reduce(set) { current, element in
            let (index, edit) = element
            let target: String? = switch edit {
            case .reword(let id, _), .recategorize(let id, _), .remove(let id): id
            default: nil
            }
            if let target, current.hypothesis(id: target) == nil {
                let known = current.hypotheses.map(\.id).joined(separator: ", ")
                throw ServiceError.conflict(
                    "edits[\(index)]: user '\(set.userID)' has no hypothesis '\(target)' (ids: \(known))", code: "hypothesis_not_found")
            }
            return try current.applying(edit)
        }
    }

    /// The document's job id pattern `^job_[0-9a-f]{32}$`: what ``StoredJob/newID()`` makes.
    static let jobIDPattern = "^job_[0-9a-f]{32}$"

    static func isJobID(_ id: String) -> Bool {
        id.hasPrefix("job_") && id.utf8.count == 36 && id.utf8.dropFirst(4).allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// `If-Match: "3"` (or `W/"3"`, or `3`) pins an edit to revision 3: the ETag this resource sends.
    func ifMatch(_ request: Request) throws -> Int? {
        guard let value = request.headers[.ifMatch] else { return nil }
        guard let revision = Self.revision(ifMatch: value) else {
            throw ServiceError.badRequest("If-Match must be a revision such as \"3\"", code: "invalid_if_match", param: "If-Match")
        }
        return revision
    }

    /// The `If-Match` rule as JSON string content (quotes escaped) for the document:
    /// `^(W/)?("[0-9]{1,15}"|[0-9]{1,15})$`, which ``revision(ifMatch:)`` parses.
    static let ifMatchPattern = #"^(W/)?(\"[0-9]{1,15}\"|[0-9]{1,15})$"#

    static func revision(ifMatch value: String) -> Int? {
        var rest = Substring(value)
        if rest.hasPrefix("W/") { rest = rest.dropFirst(2) }
        if rest.first == "\"" {
            guard rest.count >= 2, rest.last == "\"" else { return nil }
            rest = rest.dropFirst().dropLast()
        }
        guard (1...15).contains(rest.count), rest.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(rest)
    }
}
