import Foundation
import LanguageModels
import Synchronization
import Testing
import HyPerAlignTesting

/// The Anthropic provider against a real HTTP server on loopback that speaks the Messages wire format.
struct AnthropicModelTests {
    func model(_ server: WireTestServer, attempts: Int = 3, timeout: Duration = .seconds(10)) -> AnthropicModel {
        AnthropicModel(configuration: AnthropicConfiguration(
            baseURL: server.baseURL, apiKey: "sk-ant-secret-key", model: "claude-test", defaultMaxTokens: 321,
            timeout: timeout, retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(10))))
    }

    @Test func translatesTheRequestAndReadsTheAnswer() async throws {
        try await WireTestServer.withServer { _, _ in AnthropicWire.message("Hello there", inputTokens: 11, outputTokens: 2) } body: { server in
            let response = try await model(server).complete(ChatRequest(
                messages: [.system("Be brief."), .user("Hi"), .user("Again"), .assistant("Yes?"), .user("Go")],
                temperature: 0.3, stop: ["END"]))
            #expect(response.text == "Hello there")
            #expect(response.finishReason == .stop)
            #expect(response.usage == TokenUsage(promptTokens: 11, completionTokens: 2))
            let sent = try #require(server.requests.first)
            #expect(sent.path == "/v1/messages")
            #expect(sent.headers["x-api-key"] == "sk-ant-secret-key")
            #expect(sent.headers["anthropic-version"] == "2023-06-01")
            let body = try #require(sent.json)
            #expect(body["system"] as? String == "Be brief.")
            #expect(body["max_tokens"] as? Int == 321)
            #expect(body["stop_sequences"] as? [String] == ["END"])
            let messages = try #require(body["messages"] as? [[String: Any]])
            #expect(messages.map { $0["role"] as? String } == ["user", "assistant", "user"])
            #expect(messages[0]["content"] as? String == "Hi\n\nAgain")
        }
    }

    /// A schema is sent as a forced tool (no assistant prefill, which recent Claude models refuse), and the
    /// tool's input comes back as the answer's text, in full and streamed.
    @Test func jsonSchemaBecomesAForcedTool() async throws {
        let schema: JSONValue = ["type": "object", "properties": ["ok": ["type": "boolean"]], "required": ["ok"], "additionalProperties": false]
        let reply = #"{"id":"msg_1","type":"message","role":"assistant","model":"claude-test","content":[{"type":"tool_use","id":"toolu_1","name":"verdict","input":{"ok":true}}],"stop_reason":"tool_use","usage":{"input_tokens":5,"output_tokens":3}}"#
        try await WireTestServer.withServer { _, _ in .json(reply) } body: { server in
            let response = try await model(server).complete(ChatRequest(
                messages: [.user("Answer")], responseFormat: .jsonSchema(name: "verdict", schema: schema)))
            #expect(try JSONValue.parse(response.text) == ["ok": true])
            let body = try #require(server.requests.first?.json)
            let tools = try #require(body["tools"] as? [[String: Any]])
            #expect(tools.first?["name"] as? String == "verdict")
            #expect((tools.first?["input_schema"] as? [String: Any])?["additionalProperties"] as? Bool == false)
            #expect((body["tool_choice"] as? [String: Any])?["name"] as? String == "verdict")
            let messages = try #require(body["messages"] as? [[String: Any]])
            #expect(messages.last?["role"] as? String == "user")
        }
        let events = [
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":5}}}\n\n",
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"verdict\",\"input\":{}}}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"ok\\\": \"}}\n\n",
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"true}\"}}\n\n",
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":3}}\n\n",
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        ]
        try await WireTestServer.withServer { _, _ in .events(events) } body: { server in
            let (text, _, _) = try await model(server).stream(ChatRequest(
                messages: [.user("Answer")], responseFormat: .jsonSchema(name: "verdict", schema: schema))).collect()
            #expect(text == #"{"ok": true}"#)
        }
    }

    @Test func streamsDeltasSplitAtAwkwardPlaces() async throws {
        try await WireTestServer.withServer { _, _ in AnthropicWire.stream(["Hel", "lo ", "wörld\n", "!"]) } body: { server in
            let (text, finish, usage) = try await model(server).stream(ChatRequest(messages: [.user("Hi")])).collect()
            #expect(text == "Hello wörld\n!")
            #expect(finish == .stop)
            #expect(usage == TokenUsage(promptTokens: 12, completionTokens: 7))
            #expect(server.requests.first?.json?["stream"] as? Bool == true)
        }
    }

    @Test func aStreamErrorEventSurfacesAsAnError() async throws {
        try await WireTestServer.withServer { _, _ in AnthropicWire.streamFailing(after: ["partial"]) } body: { server in
            var received = ""
            let error = await #expect(throws: LanguageModelError.self) {
                for try await delta in model(server).stream(ChatRequest(messages: [.user("Hi")])) { received += delta.text }
            }
            #expect(received == "partial")
            #expect(error?.description.contains("overloaded_error: Overloaded") == true)
        }
    }

    @Test func retriesRateLimitsHonouringRetryAfter() async throws {
        try await WireTestServer.withServer { _, index in
            index == 0
                ? AnthropicWire.error(429, type: "rate_limit_error", message: "slow down", headers: ["retry-after": "0.3"])
                : AnthropicWire.message("finally")
        } body: { server in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await model(server).complete(ChatRequest(messages: [.user("Hi")]))
            #expect(response.text == "finally")
            #expect(clock.now - start >= .milliseconds(300))
            #expect(server.requests.count == 2)
        }
    }

    @Test func givesUpAfterMaxAttemptsWithAReadableError() async throws {
        try await WireTestServer.withServer { _, _ in
            AnthropicWire.error(529, type: "overloaded_error", message: "Overloaded")
        } body: { server in
            let error = await #expect(throws: LanguageModelError.self) {
                try await model(server, attempts: 3).complete(ChatRequest(messages: [.user("Hi")]))
            }
            #expect(server.requests.count == 3)
            #expect(error?.httpStatus == 529)
            #expect(error?.attempts == 3)
            let text = error?.description ?? ""
            #expect(text.contains("HTTP 529: overloaded_error: Overloaded (after 3 attempts)"))
            #expect(!text.contains("sk-ant-secret-key"))
        }
    }

    @Test func doesNotRetryAClientError() async throws {
        try await WireTestServer.withServer { _, _ in
            AnthropicWire.error(400, type: "invalid_request_error", message: "max_tokens: too large")
        } body: { server in
            let error = await #expect(throws: LanguageModelError.self) {
                try await model(server).complete(ChatRequest(messages: [.user("Hi")]))
            }
            #expect(server.requests.count == 1)
            #expect(error?.description.contains("invalid_request_error: max_tokens: too large") == true)
        }
    }

    @Test func retriesAMalformedBodyThenReportsIt() async throws {
        try await WireTestServer.withServer { _, _ in .json("{\"content\": [ oops") } body: { server in
            let error = await #expect(throws: LanguageModelError.self) {
                try await model(server, attempts: 2).complete(ChatRequest(messages: [.user("Hi")]))
            }
            #expect(server.requests.count == 2)
            #expect(error?.isMalformedResponse == true)
            #expect(error?.description.contains("malformed response") == true)
        }
    }

    @Test func timesOutASlowServerAndRetries() async throws {
        try await WireTestServer.withServer { _, index in
            // The first answer comes long after the timeout; the retry has seconds of room, whatever the machine.
            index == 0 ? .delayed(.seconds(25), then: AnthropicWire.message("late")) : AnthropicWire.message("fast")
        } body: { server in
            let response = try await model(server, timeout: .seconds(10)).complete(ChatRequest(messages: [.user("Hi")]))
            #expect(response.text == "fast")
            #expect(server.requests.count == 2)
        }
    }

    @Test func reportsAnUnreachableServer() async throws {
        let port = try freePort()
        let model = AnthropicModel(configuration: AnthropicConfiguration(
            baseURL: "http://127.0.0.1:\(port)", apiKey: "k", model: "m",
            retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(5))))
        let error = await #expect(throws: LanguageModelError.self) {
            try await model.complete(ChatRequest(messages: [.user("Hi")]))
        }
        #expect(error?.description.contains("cannot connect") == true)
        #expect(error?.attempts == 2)
    }
}
