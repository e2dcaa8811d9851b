import Foundation
import HyPerAlignService
import Logging
import Synchronization
import Testing

/// `serve --log-format json`: one parseable JSON object per event, metadata merged, nothing else.
struct JSONLogHandlerTests {
    @Test func writesOneJSONObjectPerLineWithMergedMetadata() throws {
        let lines = Mutex<[Data]>([])
        var handler = JSONLogHandler(label: "test.service") { line in lines.withLock { $0.append(line) } }
        handler.metadata = ["replica": "a", "tenant": "handler"]
        var logger = Logger(label: "test.service") { _ in handler }
        logger.logLevel = .info
        logger.debug("not written below the level")
        logger.info("request \"quoted\"\nnext line", metadata: ["tenant": "acme", "status": "200"])
        logger.error("failed")

        let written = lines.withLock { $0 }
        #expect(written.count == 2)
        #expect(written.allSatisfy { $0.last == 0x0A && $0.dropLast().firstIndex(of: 0x0A) == nil })  // one line each
        let first = try #require(try JSONSerialization.jsonObject(with: written[0]) as? [String: String])
        #expect(first["message"] == "request \"quoted\"\nnext line")
        #expect(first["level"] == "info" && first["label"] == "test.service")
        #expect(first["tenant"] == "acme")  // the event's metadata wins over the handler's
        #expect(first["replica"] == "a" && first["status"] == "200")
        #expect(first["time"].map { ISO8601DateFormatter().date(from: $0) != nil } == true)
        let second = try #require(try JSONSerialization.jsonObject(with: written[1]) as? [String: String])
        #expect(second["level"] == "error" && second["message"] == "failed")
    }
}
