import Foundation
import HyPerAlign
import Hummingbird
import LanguageModels
import ProfileStorage

/// `POST /v1/users/{id}/generations`: an answer written for (or as) the user, with a chosen variant.
struct GenerationRoutes {
    let service: HyPerAlignService

    func add(to group: RouterGroup<ServiceRequestContext>) {
        group.post("users/{id}/generations") { request, context in
            let id = try UserRoutes(service: service).userID(context)
            let tenant = try context.requireTenant()
            let body = try await JSONBody.decode(GenerationBody.self, from: request, limit: service.configuration.maxBodyBytes)
            guard !TextRules.isBlank(body.request) else {
                throw ServiceError.badRequest("'request' must not be empty", param: "request")
            }
            let name = body.variant ?? GenerationVariant.hyperalign.rawValue
            guard let variant = GenerationVariant(rawValue: name) else {
                let known = GenerationVariant.allCases.map(\.rawValue).joined(separator: ", ")
                throw ServiceError.badRequest("unknown variant '\(name)' (one of: \(known))", param: "variant")
            }
            let profile = try await service.profile(id, tenant: tenant)
            let set = try await service.store.hypothesisSet(for: id, tenant: tenant)
            if variant.needsHypotheses, set == nil {
                throw ServiceError.conflict(
                    "variant '\(variant)' needs hypotheses; POST /v1/users/\(id)/hypotheses/inference first",
                    code: "hypotheses_required")
            }
            // "mode": "for" answers for the user (an assistant that knows them, template answer-for-user);
            // the default, "as", writes as the user.
            guard [nil, "as", "for"].contains(body.mode) else {
                throw ServiceError.badRequest("unknown mode '\(body.mode ?? "")' (one of: as, for)", param: "mode")
            }
            if let bestOf = body.bestOf, !(1...CheckedGeneration.maxCandidates).contains(bestOf) {
                throw ServiceError.badRequest(
                    "'bestOf' must be between 1 and \(CheckedGeneration.maxCandidates), not \(bestOf)", param: "bestOf")
            }
            if body.mode == "for", body.checksItself {
                throw ServiceError.badRequest(
                    "'bestOf', 'revise' and 'repair' check an answer written as the user; not with mode 'for'", param: "mode")
            }
            let generator = PersonalizedGenerator(model: service.model, options: service.configuration.generation)
            let revision = variant.needsHypotheses ? set?.revision : nil
            let result: GenerationResult
            if body.checksItself {
                let checked = try await SelfCheckingGenerator(
                    generator: generator, bestOf: body.bestOf ?? 1, revise: body.revise ?? false, repair: body.repair ?? false
                ).generate(body.request, for: profile, hypotheses: set, variant: variant)
                result = GenerationResult(
                    userID: id, variant: variant, text: checked.text, model: checked.model, finishReason: nil,
                    usage: checked.usage, hypothesesRevision: revision,
                    adherence: checked.adherence, candidates: checked.candidates, chosen: checked.chosen,
                    revision: checked.revision, repaired: checked.repaired)
            } else {
                let response = body.mode == "for"
                    ? try await PersonalizedAssistant(model: service.model, options: service.configuration.generation)
                        .answer(body.request, for: profile, hypotheses: variant.needsHypotheses ? set : nil)
                    : try await generator.generate(body.request, for: profile, hypotheses: set, variant: variant)
                result = GenerationResult(
                    userID: id, variant: variant, text: response.text, model: response.model, finishReason: response.finishReason,
                    usage: response.usage, hypothesesRevision: revision,
                    adherence: service.configuration.generation.adherenceChecker(for: profile).check(response.text))
            }
            service.metrics.tokens(
                prompt: result.usage.promptTokens, completion: result.usage.completionTokens, personalized: variant != .zeroShot)
            return try JSONBody.response(result)
        }
    }
}
