import Foundation
import HTTPTypes
import HyPerAlign
import LanguageModels
import HyPerAlignService
import ProfileStorage
import Testing
import WireTestServers

struct ChatCompletionTests {
    static let hello = #"{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Write a note."}]}"#

    static func request(user: String? = nil, stream: Bool = false) -> String {
        var fields = [#""model": "gpt-4o-mini""#, #""messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Write a note."}]"#]
        if let user { fields.append(#""user": "\#(user)""#) }
        if stream { fields.append(#""stream": true, "stream_options": {"include_usage": true}"#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    @Test func anUnknownUserPassesThroughUnchanged() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Hello there.") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.request(user: "nobody"))
                #expect(reply.status == 200)
                #expect(reply.headers[HTTPField.Name("X-HyPerAlign-Personalized")!] == "false")
                let choice = try #require((reply.json?["choices"] as? [[String: Any]])?.first)
                #expect((choice["message"] as? [String: Any])?["content"] as? String == "Hello there.")
                #expect(choice["finish_reason"] as? String == "stop")
                #expect(reply.json?["object"] as? String == "chat.completion")
                #expect((reply.json?["usage"] as? [String: Any])?["total_tokens"] as? Int == 15)
                let sent = OpenAIUpstream.messages(upstream)
                #expect(sent.map { $0["role"] as? String } == ["system", "user"])
                #expect(sent.first?["content"] as? String == "Be brief.")
                // The upstream key is the service's, never the caller's.
                #expect(upstream.requests[0].headers["authorization"] == "Bearer upstream-secret")
            }
        }
    }

    @Test func aKnownUserGetsTheirHypothesesAsASystemMessage() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Cheers!") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann", statement: "Signs off with 'Cheers'.")
                let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.request(user: "ann"))
                #expect(reply.status == 200)
                #expect(reply.headers[HTTPField.Name("X-HyPerAlign-Personalized")!] == "true")
                let sent = OpenAIUpstream.messages(upstream)
                #expect(sent.count == 3)
                #expect(sent[0]["role"] as? String == "system")
                #expect((sent[0]["content"] as? String)?.contains("Signs off with 'Cheers'.") == true)
                #expect(sent[1]["content"] as? String == "Be brief.")

                // The header selects the user too.
                let byHeader = try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA, json: Self.hello,
                    headers: [HTTPField.Name("X-HyPerAlign-User")!: "ann"])
                #expect(byHeader.headers[HTTPField.Name("X-HyPerAlign-Personalized")!] == "true")
                #expect(OpenAIUpstream.messages(upstream, 1).count == 2)
            }
        }
    }

    @Test func anotherTenantsUserIsNotUsed() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Hi.") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann")
                let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyB, json: Self.request(user: "ann"))
                #expect(reply.status == 200)
                #expect(reply.headers[HTTPField.Name("X-HyPerAlign-Personalized")!] == "false")
                #expect(OpenAIUpstream.messages(upstream).count == 2)
            }
        }
    }

    @Test func streamsServerSentEventsInOpenAIsShape() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.stream(["Hel", "lo", " there."]) }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann")
                let reply = try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA, json: Self.request(user: "ann", stream: true))
                #expect(reply.status == 200)
                #expect(reply.headers[.contentType] == "text/event-stream")
                let events = reply.body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
                #expect(events.last == "data: [DONE]")
                let chunks = events.dropLast().compactMap { event -> [String: Any]? in
                    guard event.hasPrefix("data: ") else { return nil }
                    return (try? JSONSerialization.jsonObject(with: Data(event.dropFirst(6).utf8))) as? [String: Any]
                }
                #expect(chunks.count == events.count - 1)
                #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
                let text = chunks.compactMap { (($0["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any])?["content"] as? String }.joined()
                #expect(text == "Hello there.")
                let finish = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String }
                #expect(finish == ["stop"])
                #expect((chunks.last?["usage"] as? [String: Any])?["total_tokens"] as? Int == 12)
                #expect(OpenAIUpstream.messages(upstream).count == 3)
            }
        }
    }

    @Test(arguments: [
        (429, 503, "upstream_rate_limited"), (500, 502, "upstream_error"), (503, 503, "upstream_overloaded"),
        (401, 502, "upstream_rejected"),
    ])
    func upstreamStatusesBecomeGatewayErrors(upstreamStatus: Int, expected: Int, code: String) async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.error(upstreamStatus) }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                for stream in [false, true] {
                    let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.request(stream: stream))
                    #expect(reply.status == expected)
                    #expect(reply.errorCode == code)
                    #expect(reply.errorType == "upstream_error")
                    #expect(!reply.body.contains("127.0.0.1"))
                }
            }
        }
    }

    @Test func aSlowUpstreamIsA504AndOthersKeepBeingServed() async throws {
        try await WireTestServer.withServer(handler: { request, _ in
            request.body.contains("slow") ? .delayed(.seconds(3), then: OpenAIUpstream.completion("late")) : OpenAIUpstream.completion("fast")
        }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream, timeout: .milliseconds(500))) { harness in
                async let slow = harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA,
                    json: #"{"model": "m", "messages": [{"role": "user", "content": "slow"}]}"#)
                let fast = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.hello)
                #expect(fast.status == 200)
                let timedOut = try await slow
                #expect(timedOut.status == 504)
                #expect(timedOut.errorCode == "upstream_timeout")
            }
        }
    }

    @Test func aMalformedUpstreamIsA502() async throws {
        try await WireTestServer.withServer(handler: { _, _ in .json("{not json") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.hello)
                #expect(reply.status == 502)
                #expect(reply.errorCode == "upstream_malformed_response")
            }
        }
    }

    @Test func aDownUpstreamIsA503() async throws {
        // A server that has shut down: its port refuses connections.
        let gone = try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { $0 }
        let model = OpenAIUpstream.model(gone)
        try await ServiceHarness.run(model: model) { harness in
            let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.hello)
            #expect(reply.status == 503)
            #expect(reply.errorCode == "upstream_unavailable")
        }
    }

    @Test func badRequestsGetOpenAIShapedErrors() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let cases: [(String, String)] = [
                    (#"{"model": "m", "messages": []}"#, "invalid_request"),
                    (#"{"model": "m"}"#, "invalid_json"),
                    ("{oops", "invalid_json"),
                    (#"{"model": "m", "messages": [{"role": "tool", "content": "x"}]}"#, "invalid_request"),
                    (#"{"model": "m", "n": 2, "messages": [{"role": "user", "content": "x"}]}"#, "invalid_request"),
                ]
                for (body, code) in cases {
                    let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: body)
                    #expect(reply.status == 400, "\(body)")
                    #expect(reply.errorCode == code, "\(body): \(reply.body)")
                    #expect(reply.errorType == "invalid_request_error")
                }
                #expect(upstream.requests.isEmpty)
            }
        }
    }

    @Test func listsTheModel() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let reply = try await harness.call(.get, "/v1/models", key: harness.keyA)
                #expect(reply.status == 200)
                #expect(((reply.json?["data"] as? [[String: Any]])?.first)?["id"] as? String == "upstream-model")
            }
        }
    }
}
