import Foundation
import HTTPTypes
import HyPerAlign
import LanguageModels
import HyPerAlignService
import LanguageModelsTesting
import ProfileStorage
import Testing

struct ResourceTests {
    static let inferenceAnswer = #"{"hypotheses": [{"category": "style", "statement": "Signs off with 'Cheers' and an initial.", "evidence": ["I write short notes."]}], "attributes": {}}"#

    @Test func usersAndTextsRoundTrip() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            let created = try await harness.call(
                .put, "/v1/users/ann", key: harness.keyA,
                json: #"{"texts": [{"text": "First note.", "prompt": "Say hi"}], "attributes": {"role": "editor"}}"#)
            #expect(created.status == 201)
            #expect(created.json?["revision"] as? Int == 1)
            let replaced = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"id": "a", "text": "Only note."}]}"#)
            #expect(replaced.status == 200)
            let appended = try await harness.call(.post, "/v1/users/ann/texts", key: harness.keyA, json: #"{"texts": [{"text": "Second."}]}"#)
            #expect(appended.status == 200)
            let texts = try await harness.call(.get, "/v1/users/ann/texts", key: harness.keyA)
            #expect((texts.json?["data"] as? [[String: Any]])?.map { $0["id"] as? String } == ["a", "t2"])
            let list = try await harness.call(.get, "/v1/users", key: harness.keyA)
            #expect(((list.json?["data"] as? [[String: Any]])?.first)?["textCount"] as? Int == 2)
            #expect(try await harness.call(.delete, "/v1/users/ann", key: harness.keyA).status == 204)
            #expect(try await harness.call(.get, "/v1/users/ann", key: harness.keyA).status == 404)
        }
    }

    @Test func limitsAreClear400sAnd413s() async throws {
        var configuration = ServiceConfiguration(port: 0, maxBodyBytes: 2_000, maxTextsPerUser: 2, maxTextCharacters: 50)
        configuration.rateLimit = .unlimited
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            let tooMany = try await harness.call(
                .put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}"#)
            #expect(tooMany.status == 400)
            #expect(tooMany.errorCode == "too_many_texts")
            let tooLong = try await harness.call(
                .put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "\#(String(repeating: "x", count: 51))"}]}"#)
            #expect(tooLong.errorCode == "text_too_long")
            let huge = try await harness.call(
                .put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "\#(String(repeating: "x", count: 3_000))"}]}"#)
            #expect(huge.status == 413)
            #expect(huge.errorCode == "request_too_large")
            let badID = try await harness.call(.put, "/v1/users/bad%20id", key: harness.keyA, json: #"{"texts": []}"#)
            #expect(badID.status == 400)
            #expect(badID.errorCode == "invalid_user_id")
            try await harness.createUser("ann", texts: ["One."])
            let appendPastLimit = try await harness.call(
                .post, "/v1/users/ann/texts", key: harness.keyA, json: #"{"texts": [{"text": "Two."}, {"text": "Three."}]}"#)
            #expect(appendPastLimit.status == 409)
            #expect(appendPastLimit.errorCode == "too_many_texts")
            let missingField = try await harness.call(.put, "/v1/users/bob", key: harness.keyA, json: #"{"texts": [{"id": "x"}]}"#)
            #expect(missingField.status == 400)
            #expect(missingField.body.contains("text"))
        }
    }

    @Test func rateLimitPerKey() async throws {
        let configuration = ServiceConfiguration(port: 0, rateLimit: .init(requestsPerSecond: 0.01, burst: 3))
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            for _ in 0..<3 { #expect(try await harness.call(.get, "/v1/users", key: harness.keyA).status == 200) }
            let limited = try await harness.call(.get, "/v1/users", key: harness.keyA)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limit_exceeded")
            #expect(limited.headers[.retryAfter] != nil)
            // Another key has its own allowance.
            #expect(try await harness.call(.get, "/v1/users", key: harness.keyB).status == 200)
        }
    }

    @Test func reinferenceRunsAsAJobAndKeepsEdits() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply(Self.inferenceAnswer))
        // No rate limit: waiting for the job polls the service every few milliseconds.
        try await ServiceHarness.run(model: model, configuration: ServiceConfiguration(port: 0, rateLimit: .unlimited)) { harness in
            try await harness.createUser("ann")
            #expect(try await harness.call(.get, "/v1/users/ann/hypotheses", key: harness.keyA).status == 404)
            let accepted = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            #expect(accepted.status == 202)
            let location = try #require(accepted.headers[.location])
            let finished = try await Self.waitForJob(location, harness)
            #expect(finished["status"] as? String == "succeeded", "\(finished)")
            #expect(finished["hypothesesRevision"] as? Int == 1)

            let read = try await harness.call(.get, "/v1/users/ann/hypotheses", key: harness.keyA)
            #expect(read.headers[.eTag] == "\"1\"")
            #expect(read.json?["stale"] as? Bool == false)
            let hypotheses = try #require(read.json?["hypotheses"] as? [[String: Any]])
            #expect(hypotheses.first?["statement"] as? String == "Signs off with 'Cheers' and an initial.")

            // A person's edit survives the next inference.
            let edited = try await harness.call(
                .patch, "/v1/users/ann/hypotheses", key: harness.keyA,
                json: #"{"revision": 1, "edits": [{"op": "add", "category": "personality", "statement": "Is warm."}]}"#)
            #expect(edited.status == 200)
            let stale = try await harness.call(
                .patch, "/v1/users/ann/hypotheses", key: harness.keyA,
                json: #"{"revision": 1, "edits": [{"op": "add", "category": "style", "statement": "Lost?"}]}"#)
            #expect(stale.status == 409)
            #expect(stale.errorCode == "conflict")
            let again = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            _ = try await Self.waitForJob(try #require(again.headers[.location]), harness)
            let after = try #require(try await harness.store.hypothesisSet(for: "ann", tenant: "acme"))
            #expect(after.hypotheses.contains { $0.statement == "Is warm." })
            #expect(!after.hypotheses.contains { $0.statement == "Lost?" })

            #expect(try await harness.call(.delete, "/v1/users/ann/hypotheses", key: harness.keyA).status == 204)
            #expect(try await harness.call(.get, "/v1/users/ann/hypotheses", key: harness.keyA).status == 404)
            #expect(try await harness.call(.get, "/v1/users/ann", key: harness.keyA).status == 200)
        }
    }

    @Test func aFailedInferenceIsAFailedJob() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply("not json at all"))
        // No rate limit: waiting for the job polls the service every few milliseconds.
        try await ServiceHarness.run(model: model, configuration: ServiceConfiguration(port: 0, rateLimit: .unlimited)) { harness in
            try await harness.createUser("ann")
            let accepted = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            let finished = try await Self.waitForJob(try #require(accepted.headers[.location]), harness)
            #expect(finished["status"] as? String == "failed")
            #expect((finished["error"] as? String)?.isEmpty == false)
        }
    }

    @Test func invalidEditsAre400s() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            try await harness.createUser("ann")
            try await harness.giveHypotheses("ann")
            let bodies = [
                #"{"edits": [{"op": "explode"}]}"#,
                #"{"edits": [{"op": "add", "category": "mood", "statement": "x"}]}"#,
                #"{"edits": [{"op": "reword", "statement": "x"}]}"#,
                #"{"edits": [{"op": "add", "category": "style", "statement": " \n"}]}"#,
            ]
            for body in bodies {
                let reply = try await harness.call(.patch, "/v1/users/ann/hypotheses", key: harness.keyA, json: body)
                #expect(reply.status == 400, "\(body): \(reply.body)")
            }
            // Well-formed, but the set has no such hypothesis: a conflict with its state, not a bad request.
            let unknown = try await harness.call(
                .patch, "/v1/users/ann/hypotheses", key: harness.keyA, json: #"{"edits": [{"op": "reword", "id": "nope", "statement": "x"}]}"#)
            #expect(unknown.status == 409)
            #expect(unknown.errorCode == "hypothesis_not_found")
            #expect(try await harness.store.hypothesisSet(for: "ann", tenant: "acme")?.revision == 1)
        }
    }

    @Test func personalizedGeneration() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply("Cheers, A."))
        try await ServiceHarness.run(model: model) { harness in
            try await harness.createUser("ann")
            let needsHypotheses = try await harness.call(.post, "/v1/users/ann/generations", key: harness.keyA, json: #"{"request": "Say thanks."}"#)
            #expect(needsHypotheses.status == 409)
            #expect(needsHypotheses.errorCode == "hypotheses_required")
            let fewShot = try await harness.call(
                .post, "/v1/users/ann/generations", key: harness.keyA, json: #"{"request": "Say thanks.", "variant": "few-shot"}"#)
            #expect(fewShot.status == 200)
            try await harness.giveHypotheses("ann")
            let reply = try await harness.call(.post, "/v1/users/ann/generations", key: harness.keyA, json: #"{"request": "Say thanks."}"#)
            #expect(reply.status == 200)
            #expect(reply.json?["text"] as? String == "Cheers, A.")
            #expect(reply.json?["variant"] as? String == "hyperalign")
            #expect(reply.json?["hypothesesRevision"] as? Int == 1)
            // The answer comes checked against each habit measured on the user's texts.
            let adherence = try #require(reply.json?["adherence"] as? [String: Any])
            let items = try #require(adherence["items"] as? [[String: Any]])
            #expect(!items.isEmpty)
            #expect(adherence["checked"] as? Int == items.count)
            #expect(items.allSatisfy { $0["statement"] is String && $0["satisfied"] is Bool && $0["detail"] is String })
            #expect(model.requests.last?.messages.map(\.content).joined().contains("Signs off with 'Cheers'.") == true)
            let unknown = try await harness.call(
                .post, "/v1/users/ann/generations", key: harness.keyA, json: #"{"request": "x", "variant": "best"}"#)
            #expect(unknown.status == 400)
        }
    }

    /// `bestOf`, `revise` and `repair` work through the service as through `generate`: candidates sampled with
    /// their own seeds and scored, the kept one reported; out-of-range and mode-`for` requests are 400s.
    @Test func generationThatChecksItself() async throws {
        let model = ScriptedChatModel(steps: [], fallback: .reply("Cheers, A."))
        try await ServiceHarness.run(model: model) { harness in
            try await harness.createUser("ann")
            try await harness.giveHypotheses("ann")
            let before = model.requests.count
            let reply = try await harness.call(
                .post, "/v1/users/ann/generations", key: harness.keyA, json: #"{"request": "Say thanks.", "bestOf": 3, "repair": true}"#)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(model.requests.count - before == 3)
            #expect(Set(model.requests.suffix(3).map(\.seed)).count == 3)
            let candidates = try #require(reply.json?["candidates"] as? [[String: Any]])
            #expect(candidates.count == 3)
            #expect((0..<3).contains(try #require(reply.json?["chosen"] as? Int)))
            #expect(reply.json?["repaired"] is [Any])
            let adherence = try #require(reply.json?["adherence"] as? [String: Any])
            #expect(adherence["checked"] as? Int == (adherence["items"] as? [Any])?.count)
            // A plain request reports none of it.
            let plain = try await harness.call(.post, "/v1/users/ann/generations", key: harness.keyA, json: #"{"request": "Say thanks."}"#)
            #expect(plain.status == 200)
            #expect(plain.json?["candidates"] == nil)
            for body in [#"{"request": "x", "bestOf": 0}"#, #"{"request": "x", "bestOf": 17}"#, #"{"request": "x", "mode": "for", "revise": true}"#] {
                let refused = try await harness.call(.post, "/v1/users/ann/generations", key: harness.keyA, json: body)
                #expect(refused.status == 400, "\(body): \(refused.body)")
            }
        }
    }

    static func waitForJob(_ location: String, _ harness: ServiceHarness) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(60)  // a loaded machine may take seconds; a hang fails
        while ContinuousClock.now < deadline {
            let reply = try await harness.call(.get, location, key: harness.keyA)
            let status = reply.json?["status"] as? String
            if status == "succeeded" || status == "failed" { return reply.json ?? [:] }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw ServiceHarness.HarnessError(message: "job \(location) did not finish")
    }
}
