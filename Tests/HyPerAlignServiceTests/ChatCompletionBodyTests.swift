@testable import HyPerAlignService
import Testing

/// The byte-level editing of request bodies: only the splice and the model change, everything else stays.
struct ChatCompletionBodyTests {
    static let message = Array(#"{"role":"system","content":"H"}"#.utf8)

    func rewrite(_ text: String, model: String? = nil, insert: Bool = true) throws -> String {
        let body = try ChatCompletionBody(Array(text.utf8))
        return String(decoding: body.rewritten(inserting: insert ? Self.message : nil, model: model), as: UTF8.self)
    }

    @Test func splicesAfterLeadingSystemMessages() throws {
        #expect(try rewrite(#"{"messages":[{"role":"system","content":"S"},{"role":"user","content":"U"}]}"#)
            == #"{"messages":[{"role":"system","content":"S"},{"role":"system","content":"H"},{"role":"user","content":"U"}]}"#)
        #expect(try rewrite(#"{"messages":[ {"content":"U","role":"user"} ]}"#)
            == #"{"messages":[ {"role":"system","content":"H"},{"content":"U","role":"user"} ]}"#)
        #expect(try rewrite(#"{"messages":[{"role":"system","content":"S"}]}"#)
            == #"{"messages":[{"role":"system","content":"S"},{"role":"system","content":"H"}]}"#)
        #expect(try rewrite(#"{"messages":[]}"#) == #"{"messages":[{"role":"system","content":"H"}]}"#)
    }

    @Test func replacesOrAddsTheModelOnlyWhenAsked() throws {
        #expect(try rewrite(#"{"model":"a","seed":9007199254740993}"#, model: "b") == #"{"model":"b","seed":9007199254740993}"#)
        #expect(try rewrite(#"{"seed":1}"#, model: "b") == #"{"model":"b","seed":1}"#)
        #expect(try rewrite(#"{}"#, model: "b") == #"{"model":"b"}"#)
        #expect(try rewrite(#"{"model":"a","temperature":0.70}"#) == #"{"model":"a","temperature":0.70}"#)
    }

    @Test func readsModelStreamAndUser() throws {
        let body = try ChatCompletionBody(Array(#"{"model":"gpt\u002d4o","stream":true,"user":"u-1","x":{"stream":false}}"#.utf8))
        #expect(body.model == "gpt-4o")
        #expect(body.stream)
        #expect(body.user == "u-1")
        #expect(body.messages == nil)
    }

    @Test(arguments: ["", "{", "[]", "{\"a\":}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":\"x\n\"}", "{} {}", "{\"a\":-}",
                      String(repeating: "[", count: 400) + String(repeating: "]", count: 400)])
    func refusesWhatIsNotOneJSONObject(_ text: String) {
        #expect(throws: ChatCompletionBody.Invalid.self) { try ChatCompletionBody(Array(text.utf8)) }
    }

    @Test func permitsAreHandedOverInOrderAndReleasedOnce() async throws {
        let pool = PermitPool(limit: 1)
        let first = try await pool.acquire()
        let waiter = Task { try await pool.acquire() }
        while pool.usage.waiting == 0 { await Task.yield() }
        first.release()
        first.release()  // a second release does nothing
        let second = try await waiter.value
        #expect(pool.usage.inUse == 1)
        second.release()
        #expect(pool.usage.inUse == 0)
        // A cancelled waiter leaves the queue; a dropped permit is returned.
        var held: PermitPool.Permit? = try await pool.acquire()
        let cancelled = Task { try await pool.acquire() }
        while pool.usage.waiting == 0 { await Task.yield() }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { _ = try await cancelled.value }
        #expect(pool.usage.waiting == 0)
        #expect(held != nil)
        held = nil
        #expect(pool.usage.inUse == 0)
    }
}
