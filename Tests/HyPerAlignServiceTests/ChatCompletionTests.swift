import Foundation
import HTTPTypes
import HyPerAlign
import LanguageModels
import HyPerAlignService
import ProfileStorage
import Testing
import HyPerAlignTesting

/// `/v1/chat/completions` in front of an OpenAI-compatible upstream: a pass-through proxy that adds the
/// named user's hypotheses and nothing else.
struct ChatCompletionTests {
    static let userHeader = HTTPField.Name("X-HyPerAlign-User")!
    static let personalizedHeader = HTTPField.Name("X-HyPerAlign-Personalized")!
    static let hello = #"{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Write a note."}]}"#

    static func request(user: String? = nil, stream: Bool = false) -> String {
        var fields = [#""model": "gpt-4o-mini""#, #""messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Write a note."}]"#]
        if let user { fields.append(#""user": "\#(user)""#) }
        if stream { fields.append(#""stream": true, "stream_options": {"include_usage": true}"#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    @Test func anUnknownUserPassesThroughByteForByte() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Hello there.") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let sent = Self.request(user: "nobody")
                let reply = try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA, json: sent, headers: [Self.userHeader: "nobody"])
                #expect(reply.status == 200)
                #expect(reply.headers[Self.personalizedHeader] == "false")
                #expect(OpenAIUpstream.body(upstream) == sent)
                // The upstream's answer, unchanged: its id, created, model.
                #expect(reply.json?["id"] as? String == "chatcmpl-up")
                #expect(reply.json?["created"] as? Int == 1)
                #expect(reply.json?["model"] as? String == "upstream-model")
                #expect((reply.json?["usage"] as? [String: Any])?["total_tokens"] as? Int == 15)
                // The upstream key is the service's, never the caller's.
                #expect(upstream.requests[0].headers["authorization"] == "Bearer upstream-secret")
            }
        }
    }

    @Test func hypothesesFollowTheCallersOwnSystemPrompt() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Cheers!") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann", statement: "Signs off with 'Cheers'.")
                let reply = try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA, json: Self.request(), headers: [Self.userHeader: "ann"])
                #expect(reply.status == 200)
                #expect(reply.headers[Self.personalizedHeader] == "true")
                let sent = OpenAIUpstream.messages(upstream)
                #expect(sent.map { $0["role"] as? String } == ["system", "system", "user"])
                #expect(sent[0]["content"] as? String == "Be brief.")
                #expect((sent[1]["content"] as? String)?.contains(#"- style: "Signs off with 'Cheers'.""#) == true)

                // Without a system prompt it goes first; after a developer message it is one too.
                _ = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.hello, headers: [Self.userHeader: "ann"])
                #expect(OpenAIUpstream.messages(upstream, 1).map { $0["role"] as? String } == ["system", "user"])
                let developer = #"{"model": "o3", "messages": [{"role": "developer", "content": "Be brief."}, {"role": "user", "content": "Hi"}]}"#
                _ = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: developer, headers: [Self.userHeader: "ann"])
                #expect(OpenAIUpstream.messages(upstream, 2).map { $0["role"] as? String } == ["developer", "developer", "user"])
            }
        }
    }

    @Test func theUserFieldSelectsAUserOnlyForTenantsThatOptIn() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("Hi.") }) { upstream in
            for optedIn in [false, true] {
                var configuration = ServiceConfiguration(port: 0)
                if optedIn { configuration.personalization.userFieldTenants = ["acme"] }
                try await ServiceHarness.run(model: OpenAIUpstream.model(upstream), configuration: configuration) { harness in
                    try await harness.createUser("ann")
                    try await harness.giveHypotheses("ann")
                    let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.request(user: "ann"))
                    #expect(reply.headers[Self.personalizedHeader] == (optedIn ? "true" : "false"))
                    // Another tenant's key never reaches acme's user, opted in or not.
                    let other = try await harness.call(
                        .post, "/v1/chat/completions", key: harness.keyB, json: Self.request(user: "ann"), headers: [Self.userHeader: "ann"])
                    #expect(other.headers[Self.personalizedHeader] == "false")
                }
            }
            // The `user` field itself always goes upstream as the client sent it.
            #expect(upstream.requests.allSatisfy { $0.json?["user"] as? String == "ann" })
        }
    }

    @Test func everyFieldAndMessageKindReachesTheUpstreamAsSent() async throws {
        let body = #"""
            {"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},
             {"role":"user","content":[{"type":"text","text":"What is in this image?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}}]},
             {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"look","arguments":"{\"q\":\"x\"}"}}]},
             {"role":"tool","tool_call_id":"call_1","content":"a cat"},{"role":"function","name":"old","content":"x"}],
             "tools":[{"type":"function","function":{"name":"look","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}],
             "tool_choice":"auto","parallel_tool_calls":false,"n":2,"logprobs":true,"top_logprobs":3,"logit_bias":{"50256":-100},
             "seed":9007199254740993,"stop":["\n\n","END"],"response_format":{"type":"json_object"},"max_completion_tokens":64,
             "reasoning_effort":"low","temperature":0.70,"stream_options":{"include_usage":true},"metadata":{"run":"r1"},
             "x_future_field":{"nested":[1,2.50,"\u00e9"]},"user":"end-user-7"}
            """#
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("ok") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann")
                #expect(try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: body).status == 200)
                #expect(OpenAIUpstream.body(upstream, 0) == body)
                // Personalized: the same bytes with exactly one message inserted after the system prompt.
                #expect(try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA, json: body, headers: [Self.userHeader: "ann"]).status == 200)
                let personalized = OpenAIUpstream.body(upstream, 1)
                let inserted = try #require(OpenAIUpstream.messages(upstream, 1)[1]["content"] as? String)
                let encoder = JSONEncoder()
                encoder.outputFormatting = .withoutEscapingSlashes
                let message = #"{"role":"system","content":"# + String(decoding: try encoder.encode(inserted), as: UTF8.self) + "},"
                #expect(personalized.replacingOccurrences(of: message, with: "") == body)
            }
        }
    }

    @Test func theModelIsHonouredOrMappedOnlyByConfiguration() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("ok") }) { upstream in
            var configuration = ServiceConfiguration(port: 0)
            var proxy = ChatProxyConfiguration(upstream: OpenAIUpstream.model(upstream).configuration)
            proxy.modelMap = ["fast": "gpt-4o-mini"]
            configuration.proxy = proxy
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream), configuration: configuration) { harness in
                for (model, expected) in [("gpt-4.1", "gpt-4.1"), ("fast", "gpt-4o-mini")] {
                    _ = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA,
                                               json: #"{"model": "\#(model)", "messages": [{"role": "user", "content": "x"}]}"#)
                    #expect(upstream.requests.last?.json?["model"] as? String == expected)
                }
                _ = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: #"{"messages": [{"role": "user", "content": "x"}]}"#)
                #expect(upstream.requests.last?.json?["model"] as? String == "upstream-model")
            }
        }
    }

    @Test func usefulUpstreamHeadersAreRelayed() async throws {
        let headers = ["x-request-id": "req_abc", "x-ratelimit-remaining-requests": "99", "openai-processing-ms": "7"]
        try await WireTestServer.withServer(handler: { _, _ in
            .json(#"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[],"usage":null}"#, headers: headers)
        }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.hello)
                for (name, value) in headers { #expect(reply.headers[HTTPField.Name(name)!] == value) }
            }
        }
    }

    @Test(arguments: [400, 401, 404, 422, 429])
    func upstreamClientErrorsPassThroughWithTheirBody(status: Int) async throws {
        let message = "Invalid 'messages[0].content': string too long."
        try await WireTestServer.withServer(handler: { _, _ in
            OpenAIUpstream.error(status, message: message, headers: ["x-request-id": "req_err", "retry-after": "2"])
        }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                for stream in [false, true] {
                    let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.request(stream: stream))
                    #expect(reply.status == status)
                    #expect((reply.json?["error"] as? [String: Any])?["message"] as? String == message)
                    #expect(reply.headers[HTTPField.Name("x-request-id")!] == "req_err")
                    #expect(reply.headers[.retryAfter] == "2")
                }
            }
        }
    }

    @Test(arguments: [(500, 502, "upstream_error"), (503, 503, "upstream_overloaded"), (502, 502, "upstream_error")])
    func upstreamServerErrorsBecomeGatewayErrors(upstreamStatus: Int, expected: Int, code: String) async throws {
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

    @Test func streamsRelayTheUpstreamsEventsUnchanged() async throws {
        let events = [
            #"data: {"id":"c1","object":"chat.completion.chunk","created":5,"model":"m","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"look","arguments":""}}]},"finish_reason":null}],"usage":null}"# + "\n\n",
            #"data: {"id":"c1","object":"chat.completion.chunk","created":5,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"q\":"}}]},"finish_reason":null}],"usage":null}"# + "\n\n",
            #"data: {"id":"c1","object":"chat.completion.chunk","created":5,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":null}"# + "\n\n",
            #"data: {"id":"c1","object":"chat.completion.chunk","created":5,"model":"m","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}"# + "\n\n",
            "data: [DONE]\n\n",
        ]
        try await WireTestServer.withServer(handler: { _, _ in .events(events) }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                try await harness.createUser("ann")
                try await harness.giveHypotheses("ann")
                let reply = try await harness.call(
                    .post, "/v1/chat/completions", key: harness.keyA, json: Self.request(stream: true), headers: [Self.userHeader: "ann"])
                #expect(reply.status == 200)
                #expect(reply.headers[.contentType] == "text/event-stream")
                #expect(reply.headers[Self.personalizedHeader] == "true")
                #expect(reply.body == events.joined())
                #expect(OpenAIUpstream.messages(upstream).count == 3)
            }
        }
    }

    @Test func aSlowUpstreamIsA504AndOthersKeepBeingServed() async throws {
        try await WireTestServer.withServer(handler: { request, _ in
            // The slow answer comes long after the timeout, and the timeout leaves the fast answer seconds of
            // room: nothing depends on how fast this machine is.
            request.body.contains("slow") ? .delayed(.seconds(25), then: OpenAIUpstream.completion("late")) : OpenAIUpstream.completion("fast")
        }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream, timeout: .seconds(10))) { harness in
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
        try await ServiceHarness.run(model: OpenAIUpstream.model(gone)) { harness in
            let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: Self.hello)
            #expect(reply.status == 503)
            #expect(reply.errorCode == "upstream_unavailable")
        }
    }

    @Test func bodiesThatAreNotJSONObjectsAreRefusedHere() async throws {
        try await WireTestServer.withServer(handler: { _, _ in OpenAIUpstream.completion("x") }) { upstream in
            try await ServiceHarness.run(model: OpenAIUpstream.model(upstream)) { harness in
                for body in ["{oops", "[1, 2]", #"{"model": "m"} trailing"#, #"{"a": "unterminated}"#] {
                    let reply = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: body)
                    #expect(reply.status == 400, "\(body)")
                    #expect(reply.errorCode == "invalid_json", "\(body): \(reply.body)")
                    #expect(reply.errorType == "invalid_request_error")
                }
                #expect(upstream.requests.isEmpty)
                // Anything well-formed is the upstream's to judge.
                let empty = try await harness.call(.post, "/v1/chat/completions", key: harness.keyA, json: #"{"model": "m", "messages": []}"#)
                #expect(empty.status == 200)
                #expect(upstream.requests.count == 1)
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
