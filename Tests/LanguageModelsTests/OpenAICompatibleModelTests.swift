import Foundation
import LanguageModels
import Testing
import HyPerAlignTesting

/// The OpenAI-compatible provider's shared behaviour against a scripted loopback server (the real
/// llama.cpp server is exercised in EmbeddedModelTests).
struct OpenAICompatibleModelTests {
    func model(_ server: WireTestServer, attempts: Int = 3, dialect: OpenAICompatibleConfiguration.StructuredOutputDialect = .responseFormat) -> OpenAICompatibleModel {
        OpenAICompatibleModel(configuration: OpenAICompatibleConfiguration(
            baseURL: server.baseURL + "/v1", apiKey: "sk-secret", model: "test-model",
            retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(10)), structuredOutput: dialect))
    }

    @Test func sendsTheOpenAIShapeAndReadsUsage() async throws {
        try await WireTestServer.withServer { _, _ in OpenAIWire.completion("Hi!", promptTokens: 20, completionTokens: 3) } body: { server in
            let response = try await model(server).complete(ChatRequest(
                messages: [.system("s"), .user("u")], temperature: 0.1, maxTokens: 50, seed: 3,
                responseFormat: .jsonSchema(name: "thing", schema: .object(["type": "object"]))))
            #expect(response.text == "Hi!")
            #expect(response.usage.totalTokens == 23)
            let sent = try #require(server.requests.first)
            #expect(sent.path == "/v1/chat/completions")
            #expect(sent.headers["authorization"] == "Bearer sk-secret")
            let body = try #require(sent.json)
            #expect(body["max_tokens"] as? Int == 50)
            #expect(body["seed"] as? Int == 3)
            let format = try #require(body["response_format"] as? [String: Any])
            #expect(format["type"] as? String == "json_schema")
        }
    }

    @Test func ollamaDialectUsesFormat() async throws {
        try await WireTestServer.withServer { _, _ in OpenAIWire.completion("{}") } body: { server in
            _ = try await model(server, dialect: .ollama).complete(ChatRequest(
                messages: [.user("u")], responseFormat: .jsonSchema(name: "t", schema: .object(["type": "object"]))))
            let body = try #require(server.requests.first?.json)
            #expect(body["format"] != nil)
            #expect(body["response_format"] == nil)
        }
    }

    @Test func streamsChunksFinishReasonAndUsage() async throws {
        try await WireTestServer.withServer { _, _ in OpenAIWire.stream(["a", "b", "c"]) } body: { server in
            let (text, finish, usage) = try await model(server).stream(ChatRequest(messages: [.user("u")])).collect()
            #expect(text == "abc")
            #expect(finish == .stop)
            #expect(usage?.completionTokens == 3)
        }
    }

    @Test func retries5xxAndSucceeds() async throws {
        try await WireTestServer.withServer { _, index in
            index < 2 ? OpenAIWire.error(503, message: "loading model") : OpenAIWire.completion("ok")
        } body: { server in
            let response = try await model(server).complete(ChatRequest(messages: [.user("u")]))
            #expect(response.text == "ok")
            #expect(server.requests.count == 3)
        }
    }

    @Test func aResponseWithoutChoicesIsMalformed() async throws {
        try await WireTestServer.withServer { _, _ in .json(#"{"object":"chat.completion"}"#) } body: { server in
            let error = await #expect(throws: LanguageModelError.self) {
                try await model(server, attempts: 1).complete(ChatRequest(messages: [.user("u")]))
            }
            #expect(error?.description.contains("no `choices`") == true)
        }
    }
}
