import LanguageModels
import Testing

struct ServerSentEventParserTests {
    @Test func parsesEventsSplitAcrossChunksWithEveryLineEnding() {
        var parser = ServerSentEventParser()
        let text = "event: delta\r\ndata: {\"a\":1}\r\n\r\n: a comment\ndata: first\ndata: second\n\nid: 7\rdata: x\r\r"
        var events: [ServerSentEvent] = []
        for byte in Array(text.utf8) { events += parser.feed([byte]) }
        #expect(events.count == 3)
        #expect(events[0] == ServerSentEvent(event: "delta", data: "{\"a\":1}"))
        #expect(events[1].data == "first\nsecond")
        #expect(events[1].event == "message")
        #expect(events[2].id == "7")
        #expect(events[2].data == "x")
    }

    @Test func finishDispatchesTheLastEventWithoutBlankLine() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: tail".utf8)).isEmpty)
        #expect(parser.finish()?.data == "tail")
    }

    @Test func eventWithoutDataIsNotDispatched() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("event: ping\n\n".utf8)).isEmpty)
    }

    @Test func keepsSpacesAfterTheFirstOne() {
        var parser = ServerSentEventParser()
        let events = parser.feed(Array("data:  two spaces\n\n".utf8))
        #expect(events.first?.data == " two spaces")
    }
}
