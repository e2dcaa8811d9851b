import Foundation
import LanguageModels
import LanguageModelsTesting
import Testing

struct CachedChatModelTests {
    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hyperalign-cache-\(UUID().uuidString)")
    }

    @Test func aRepeatedRequestCostsNoSecondCall() async throws {
        let base = ScriptedChatModel(replies: ["first", "second"])
        let directory = temporaryDirectory()
        let cached = CachedChatModel(base, cache: try ResponseCache(directory: directory))
        let request = ChatRequest(messages: [.user("hello")], temperature: 0)
        #expect(try await cached.complete(request).text == "first")
        #expect(try await cached.complete(request).text == "first")
        #expect(base.requests.count == 1)
        #expect(cached.statistics.hits == 1)

        // A new instance over the same folder (a resumed run) also hits.
        let resumed = CachedChatModel(ScriptedChatModel(replies: []), cache: try ResponseCache(directory: directory))
        #expect(try await resumed.complete(request).text == "first")
    }

    @Test func aHitKeepsTheLatencyMeasuredWhenTheCallWasMade() async throws {
        let directory = temporaryDirectory()
        let first = CachedChatModel(ScriptedChatModel(steps: [.reply("slow")], latency: .seconds(3)), cache: try ResponseCache(directory: directory))
        let request = ChatRequest(messages: [.user("hello")], temperature: 0)
        #expect(try await first.complete(request).latency == .seconds(3))
        // A resumed run reports what the answer cost, not the lookup.
        let resumed = CachedChatModel(ScriptedChatModel(replies: []), cache: try ResponseCache(directory: directory))
        #expect(try await resumed.complete(request).latency == .seconds(3))
        #expect(resumed.statistics.hits == 1)
    }

    @Test func anyParameterChangesTheKey() {
        let base = ChatRequest(messages: [.user("x")], temperature: 0)
        let keys = [
            ResponseCache.key(model: "a", request: base),
            ResponseCache.key(model: "b", request: base),
            ResponseCache.key(model: "a", request: ChatRequest(messages: [.user("x")], temperature: 0.5)),
            ResponseCache.key(model: "a", request: ChatRequest(messages: [.user("y")], temperature: 0)),
            ResponseCache.key(model: "a", request: ChatRequest(messages: [.user("x")], temperature: 0, seed: 1)),
        ]
        #expect(Set(keys).count == keys.count)
        #expect(ResponseCache.key(model: "a", request: base) == keys[0])
    }

    @Test func anUnencodableRequestBypassesTheCacheInsteadOfSharingAnEntry() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        let request = ChatRequest(messages: [.user("x")], temperature: .nan)
        #expect(ResponseCache.key(model: "a", request: request) == nil)
        let model = CachedChatModel(ScriptedChatModel(replies: ["first", "second"]), cache: try ResponseCache(directory: directory))
        #expect(try await model.complete(request).text == "first")
        #expect(try await model.complete(ChatRequest(messages: [.user("y")], temperature: .nan)).text == "second")
    }

    @Test func failuresAreNotCached() async throws {
        struct Boom: Error {}
        let base = ScriptedChatModel(steps: [.fail(Boom()), .reply("ok")])
        let cached = CachedChatModel(base, cache: try ResponseCache(directory: temporaryDirectory()))
        let request = ChatRequest(messages: [.user("q")])
        await #expect(throws: Boom.self) { try await cached.complete(request) }
        #expect(try await cached.complete(request).text == "ok")
    }

    @Test func aStreamedAnswerIsCachedWhole() async throws {
        let base = ScriptedChatModel(replies: ["streamed text"])
        let cached = CachedChatModel(base, cache: try ResponseCache(directory: temporaryDirectory()))
        let request = ChatRequest(messages: [.user("s")])
        #expect(try await cached.stream(request).collect().text == "streamed text")
        #expect(try await cached.complete(request).text == "streamed text")
        #expect(base.requests.count == 1)
    }

    @Test func theLedgerCountsTokensPerModel() async throws {
        let ledger = TokenLedger()
        let metered = MeteredChatModel(ScriptedChatModel(modelID: "m1", replies: ["one two", "three"]), ledger: ledger)
        _ = try await metered.complete(ChatRequest(messages: [.user("a b c")]))
        _ = try await metered.stream(ChatRequest(messages: [.user("d")])).collect()
        let entry = try #require(ledger.snapshot["m1"])
        #expect(entry.calls == 2)
        #expect(entry.usage.promptTokens == 4)
        #expect(entry.usage.completionTokens == 3)
    }
}
