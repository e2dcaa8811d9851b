import ChildProcesses
import Foundation
import HTTPTypes
import HyPerAlignService
import HyPerAlignTesting
import LanguageModelsTesting
import ProfileStorage
import SQLiteStorage
import Testing

/// The service keeps the promises its OpenAPI document makes, case by case (schemathesis covers them at
/// large): ids as clients encode them, 405s, state conflicts, store failures, the chat body's checked fields.
struct ContractTests {
    /// `ann@example.com` is a valid id however a client spells it in the path; decoding happens once.
    @Test func percentEncodedUserIDsAreDecodedOnceThenChecked() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            let created = try await harness.call(
                .put, "/v1/users/ann%40example.com", key: harness.keyA, json: #"{"texts": [{"text": "Hi. Cheers, Ann."}]}"#)
            #expect(created.status == 201, "\(created.body)")
            #expect(created.json?["id"] as? String == "ann@example.com")
            #expect(try await harness.call(.get, "/v1/users/ann@example.com", key: harness.keyA).status == 200)
            #expect(try await harness.call(.get, "/v1/users/ann%40example.com/texts", key: harness.keyA).status == 200)
            #expect(try await harness.store.profile("ann@example.com", tenant: "acme") != nil)
            // Decoded once: %2540 is a literal '%40', which no id may contain.
            let twice = try await harness.call(.get, "/v1/users/ann%2540example.com", key: harness.keyA)
            #expect(twice.status == 400)
            #expect(twice.errorCode == "invalid_user_id")
            // Non-ASCII letters are outside the rule (one spelling per id), encoded or not.
            #expect(try await harness.call(.get, "/v1/users/j%C3%B6rg", key: harness.keyA).errorCode == "invalid_user_id")
        }
    }

    /// A known path asked with a method it does not take is a 405 naming the ones it does, before any key
    /// check; an unknown path stays a 404.
    @Test func undeclaredMethodsAre405sWithAllow() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            let onCollection = try await harness.call(.delete, "/v1/users", key: harness.keyA)
            #expect(onCollection.status == 405)
            #expect(onCollection.headers[.allow] == "GET")
            #expect(onCollection.errorCode == "method_not_allowed")
            let onUser = try await harness.call(.post, "/v1/users/ann", key: nil)
            #expect(onUser.status == 405)
            #expect(onUser.headers[.allow] == "DELETE, GET, PUT")
            #expect(try await harness.call(.put, "/health", key: nil).headers[.allow] == "GET")
            #expect(try await harness.call(.get, "/v1/chat/completions", key: harness.keyA).headers[.allow] == "POST")
            #expect(try await harness.call(.delete, "/v1/nothing", key: harness.keyA).status == 404)
            #expect(try await harness.call(.get, "/v1/users/ann/nothing", key: harness.keyA).status == 404)
        }
    }

    /// Well-formed requests the resource's state does not allow are 409s with a code saying why.
    @Test func stateConflictsAre409s() async throws {
        let configuration = ServiceConfiguration(port: 0, maxTextsPerUser: 2, rateLimit: .unlimited)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            #expect(try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": []}"#).status == 201)
            let noTexts = try await harness.call(.post, "/v1/users/ann/hypotheses/inference", key: harness.keyA)
            #expect(noTexts.status == 409)
            #expect(noTexts.errorCode == "no_texts")
            let full = try await harness.call(
                .post, "/v1/users/ann/texts", key: harness.keyA, json: #"{"texts": [{"text": "a"}, {"text": "b"}]}"#)
            #expect(full.status == 200)
            let over = try await harness.call(.post, "/v1/users/ann/texts", key: harness.keyA, json: #"{"texts": [{"text": "c"}]}"#)
            #expect(over.status == 409)
            #expect(over.errorCode == "too_many_texts")
        }
    }

    /// Lengths are counted as the document's `maxLength` counts them (code points), blank is the same set
    /// of characters as the document's pattern, a given text id is 1–128 code points, and no field holds U+0000.
    @Test func textRulesMatchTheDocument() async throws {
        let configuration = ServiceConfiguration(port: 0, maxTextCharacters: 4, rateLimit: .unlimited)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            // "e" + combining acute, twice: 2 characters but 4 code points, at the limit; one more is over.
            let atLimit = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "e\u0301e\u0301"}]}"#)
            #expect(atLimit.status == 201, "\(atLimit.body)")
            let over = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "e\u0301e\u0301e"}]}"#)
            #expect(over.errorCode == "text_too_long")
            let blank = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "\u2003\u3000\n"}]}"#)
            #expect(blank.errorCode == "empty_text")
            // U+001F is a control character, not whitespace: not blank (Python's \s would say otherwise).
            let control = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"text": "\u001f"}]}"#)
            #expect(control.status == 200)
            // U+0000 would be cut off by SQLite and refused by PostgreSQL: refused here, in any field of a text.
            for body in [
                #"{"texts": [{"text": "a\u0000b"}]}"#, #"{"texts": [{"text": "ok", "prompt": "a\u0000b"}]}"#,
                #"{"texts": [{"text": "ok", "source": "a\u0000b"}]}"#, #"{"texts": [{"text": "ok", "id": "a\u0000b"}]}"#,
            ] {
                let reply = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: body)
                #expect(reply.errorCode == "invalid_text", "\(body): \(reply.body)")
            }
            let emptyID = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"id": "", "text": "a"}]}"#)
            #expect(emptyID.errorCode == "invalid_text_id")
            let nullID = try await harness.call(.put, "/v1/users/ann", key: harness.keyA, json: #"{"texts": [{"id": null, "text": "a"}]}"#)
            #expect(nullID.status == 200)
        }
    }

    /// A store that fails answers 503 `store_unavailable` with `Retry-After`, and its own message (table
    /// names, SQL) goes to the log only.
    @Test func storeFailuresAre503sWithoutTheDatabaseMessage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-failure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let store = try SQLiteProfileStore(path: path)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), store: store) { harness in
            try await harness.createUser("ann")
            // Another connection drops a table under the running service.
            let dropped = try await ChildProcess.run(ChildCommand("python3", [
                "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE hypothesis_sets'); c.commit()", path,
            ]))
            try #require(dropped.succeeded, "python3 with sqlite3 is needed: \(dropped.output)")
            let reply = try await harness.call(.get, "/v1/users/ann/hypotheses", key: harness.keyA)
            #expect(reply.status == 503)
            #expect(reply.errorCode == "store_unavailable")
            #expect(reply.headers[.retryAfter] == "1")
            #expect(!reply.body.contains("hypothesis_sets") && !reply.body.lowercased().contains("sqlite"), "\(reply.body)")
        }
    }

    /// The chat route checks the fields it reads, as the document's `ChatCompletionRequest` says, and
    /// forwards the rest — `response_format: {}` included — for the upstream to judge.
    @Test func chatBodiesAreCheckedWhereTheServiceReadsThem() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let refused: [(String, String)] = [
                    (#"{"model": "m"}"#, "messages"),
                    (#"{"messages": {"role": "user"}}"#, "messages"),
                    (#"{"messages": ["hi"]}"#, "messages[0]"),
                    (#"{"messages": [{"content": "hi"}]}"#, "messages[0].role"),
                    (#"{"messages": [{"role": "robot", "content": "hi"}]}"#, "messages[0].role"),
                    (#"{"messages": [{"role": 1}]}"#, "messages[0].role"),
                    (#"{"model": 4, "messages": []}"#, "model"),
                    (#"{"stream": "yes", "messages": []}"#, "stream"),
                    (#"{"user": {}, "messages": []}"#, "user"),
                ]
                for (body, param) in refused {
                    let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: body)
                    #expect(reply.status == 400, "\(body)")
                    #expect((reply.json?["error"] as? [String: Any])?["param"] as? String == param, "\(body): \(reply.body)")
                }
                #expect(upstream.requests.isEmpty)
                let forwarded = try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA,
                    json: #"{"model": null, "stream": null, "user": null, "response_format": {}, "messages": [{"role": "tool", "content": null}]}"#)
                #expect(forwarded.status == 200, "\(forwarded.body)")
                #expect(upstream.requests.count == 1)
            }
        }
    }

    /// The served document is JSON whose limits are the configured ones.
    @Test func theDocumentStatesTheConfiguredLimits() async throws {
        let configuration = ServiceConfiguration(port: 0, maxTextsPerUser: 7, maxTextCharacters: 99)
        try await ServiceHarness.run(model: ScriptedChatModel(replies: []), configuration: configuration) { harness in
            let document = try #require(try await harness.call(.get, "/openapi.json", key: nil).json)
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            let texts = (schemas["UserBody"]?["properties"] as? [String: [String: Any]])?["texts"]
            #expect(texts?["maxItems"] as? Int == 7)
            let text = (schemas["TextInput"]?["properties"] as? [String: [String: Any]])?["text"]
            #expect(text?["maxLength"] as? Int == 99)
            let scheme = ((document["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]])?["apiKey"]
            #expect(scheme?["scheme"] as? String == "bearer")
        }
    }
}
