import Foundation
import HTTPTypes
import HyPerAlign
import LanguageModels
import HyPerAlignService
import Hummingbird
import LanguageModelsTesting
import ProfileStorage
import Testing

struct OperationalTests {
    @Test func healthReadinessAndMetrics() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(steps: [], fallback: .reply("hi"))) { harness in
            #expect(try await harness.call(.get, "/health", key: nil).json?["status"] as? String == "ok")
            #expect(try await harness.call(.get, "/ready", key: nil).status == 200)
            _ = try await harness.call(.get, "/v1/users", key: harness.keyA)
            _ = try await harness.call(.get, "/v1/users", key: nil)
            _ = try await harness.call(
                .post, "/v1/chat/completions", key: harness.keyA,
                json: #"{"model": "m", "messages": [{"role": "user", "content": "x"}]}"#)
            let metrics = try await harness.call(.get, "/metrics", key: nil)
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"hyperalign_http_requests_total{method="GET",route="/v1/users",status="200"} 1"#))
            #expect(metrics.body.contains(#"hyperalign_http_requests_total{method="GET",route="/v1/users",status="401"} 1"#))
            #expect(metrics.body.contains("hyperalign_http_request_duration_seconds_bucket"))
            #expect(metrics.body.contains(#"hyperalign_chat_completions_total{personalized="false",stream="false"} 1"#))
            #expect(metrics.body.contains("hyperalign_tokens_total"))
            #expect(!metrics.body.contains(harness.keyA))
        }
    }

    @Test func unknownRoutesAreOpenAIShaped404s() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            let reply = try await harness.call(.get, "/v1/nothing", key: harness.keyA)
            #expect(reply.status == 404)
            #expect(reply.errorType == "invalid_request_error")
        }
    }

    /// The served document lists exactly the router's paths and methods.
    @Test func theOpenAPIDocumentMatchesTheRoutes() async throws {
        try await ServiceHarness.run(model: ScriptedChatModel(replies: [])) { harness in
            let reply = try await harness.call(.get, "/openapi.json", key: nil)
            #expect(reply.status == 200)
            let paths = try #require(reply.json?["paths"] as? [String: [String: Any]])
            let methods = ["get", "put", "post", "patch", "delete"]
            let documented = Set(paths.flatMap { path, item in
                item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
            // The person's page (`/me/{token}…`, HTML reached by a link, not by a key) is not part of the API.
            let routed = Set(harness.service.makeRouter().routes.filter { !"\($0.path)".hasPrefix("/me/") }.map { "\($0.method) \($0.path)" })
            #expect(documented == routed, "only documented: \(documented.subtracting(routed)); only routed: \(routed.subtracting(documented))")
            #expect(reply.json?["openapi"] as? String == "3.1.0")
        }
    }

    /// One structured line per request, with the tenant and route template but never the key or the body.
    @Test func logsAreStructuredAndNeverContainKeys() async throws {
        let logs = CapturedLogs()
        try await ServiceHarness.run(model: ScriptedChatModel(steps: [], fallback: .reply("hi")), logger: logs.logger()) { harness in
            try await harness.createUser("ann", texts: ["A private sentence."])
            _ = try await harness.call(.get, "/v1/users/ann", key: harness.keyA)
            _ = try await harness.call(.get, "/v1/users", key: "hyp_wrong-key-value")
            let lines = logs.all.filter { $0.contains(" request ") }
            #expect(lines.count >= 3)
            #expect(lines.contains { $0.contains("route=/v1/users/{id}") && $0.contains("status=200") && $0.contains("tenant=acme") })
            #expect(lines.contains { $0.contains("status=401") && $0.contains("error_code=invalid_api_key") })
            let everything = logs.all.joined(separator: "\n")
            #expect(!everything.contains(harness.keyA))
            #expect(!everything.contains("hyp_wrong-key-value"))
            #expect(!everything.contains("A private sentence."))
        }
    }
}
