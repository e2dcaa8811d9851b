import Foundation
import HTTPTypes
import HyPerAlign
import LanguageModels
import HyPerAlignService
import LanguageModelsTesting
import ProfileStorage
import Testing

/// A request of tenant B can never read, list, change or generate with a user of tenant A — route by route.
struct TenancyTests {
    @Test func everyRouteIsScopedToTheCallersTenant() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply("generated"))
        try await ServiceHarness.run(model: model) { harness in
            try await harness.createUser("ann")
            try await harness.giveHypotheses("ann")
            let b = harness.keyB
            let attempts: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/v1/users/ann", nil),
                (.delete, "/v1/users/ann", nil),
                (.get, "/v1/users/ann/texts", nil),
                (.post, "/v1/users/ann/texts", #"{"texts": [{"text": "Injected."}]}"#),
                (.get, "/v1/users/ann/hypotheses", nil),
                (.patch, "/v1/users/ann/hypotheses", #"{"edits": [{"op": "add", "category": "style", "statement": "Injected."}]}"#),
                (.delete, "/v1/users/ann/hypotheses", nil),
                (.post, "/v1/users/ann/hypotheses/inference", nil),
                (.post, "/v1/users/ann/generations", #"{"request": "Write a note."}"#),
            ]
            for (method, path, body) in attempts {
                let reply = try await harness.call(method, path, key: b, json: body)
                #expect(reply.status == 404, "\(method) \(path) as tenant B: \(reply.status)")
                #expect(reply.errorType == "invalid_request_error")
            }
            let list = try await harness.call(.get, "/v1/users", key: b)
            #expect((list.json?["data"] as? [Any])?.isEmpty == true)

            // Replacing "ann" as B creates B's own ann; A's is untouched.
            try await harness.createUser("ann", key: b, texts: ["B's ann."])
            let aAnn = try await harness.call(.get, "/v1/users/ann", key: harness.keyA)
            #expect(((aAnn.json?["texts"] as? [[String: Any]])?.first?["text"] as? String) == "I write short notes. Cheers, Ann.")
            let aSet = try #require(try await harness.store.hypothesisSet(for: "ann", tenant: "acme"))
            #expect(aSet.hypotheses.count == 1)
            #expect(try await harness.store.hypothesisSet(for: "ann", tenant: "globex") == nil)

            // A's jobs are invisible to B.
            let job = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            let jobID = try #require(job.json?["id"] as? String)
            #expect(try await harness.call(.get, "/v1/jobs/\(jobID)", key: b).status == 404)
            #expect(try await harness.call(.get, "/v1/jobs/\(jobID)", key: harness.keyA).status == 200)
        }
    }

    @Test func requestsWithoutAValidKeyAreRefused() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            let missing = try await harness.call(.get, "/v1/users", key: nil)
            #expect(missing.status == 401)
            #expect(missing.errorType == "authentication_error")
            let wrong = try await harness.call(.get, "/v1/users", key: "hyp_not-a-key")
            #expect(wrong.status == 401)
            #expect(wrong.errorCode == "invalid_api_key")
            #expect(!wrong.body.contains("hyp_not-a-key"))
            #expect(try await harness.call(.post, "/v1/chat/completions", key: nil, json: "{}").status == 401)
        }
    }
}
