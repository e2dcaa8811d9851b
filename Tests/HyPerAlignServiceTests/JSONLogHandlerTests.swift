import Foundation
import HyPerAlignService
import Logging
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `serve --log-format json` and the text default: one parseable line per event, metadata merged,
/// written through a ``LogSink`` that keeps the caller off the file.
struct JSONLogHandlerTests {
    @Test func writesOneJSONObjectPerLineWithMergedMetadata() throws {
        let lines = Mutex<[Data]>([])
        var handler = JSONLogHandler(label: "test.service") { line in lines.withLock { $0.append(Data(line)) } }
        handler.metadata = ["replica": "a", "tenant": "handler"]
        var logger = Logger(label: "test.service") { _ in handler }
        logger.logLevel = .info
        logger.debug("not written below the level")
        logger.info("request \"quoted\"\nnext line\u{1}\\", metadata: ["tenant": "acme", "status": "200", "time": "spoofed"])
        logger.error("failed")

        let written = lines.withLock { $0 }
        #expect(written.count == 2)
        #expect(written.allSatisfy { $0.last == 0x0A && $0.dropLast().firstIndex(of: 0x0A) == nil })  // one line each
        let first = try #require(try JSONSerialization.jsonObject(with: written[0]) as? [String: String])
        #expect(first["message"] == "request \"quoted\"\nnext line\u{1}\\")
        #expect(first["level"] == "info" && first["label"] == "test.service")
        #expect(first["tenant"] == "acme")  // the event's metadata wins over the handler's
        #expect(first["replica"] == "a" && first["status"] == "200")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let time = try #require(first["time"].flatMap { formatter.date(from: $0) })  // metadata cannot replace it
        #expect(abs(time.timeIntervalSinceNow) < 60)
        let second = try #require(try JSONSerialization.jsonObject(with: written[1]) as? [String: String])
        #expect(second["level"] == "error" && second["message"] == "failed")
    }

    @Test func sinkWritesEveryLineInOrderThroughItsOwnThread() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).log").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        defer {
            close(descriptor)
            unlink(path)
        }
        let sink = LogSink(fileDescriptor: descriptor)
        var textLogger = Logger(label: "test.text") { label in TextLogHandler(label: label, sink: sink) }
        textLogger.logLevel = .info
        let logger = textLogger
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<500 { logger.info("line", metadata: ["worker": "\(worker)", "index": "\(index)"]) }
        }
        sink.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000)
        #expect(lines.allSatisfy { $0.contains(" info test.text: ") && $0.hasSuffix("] line") })
        for worker in 0..<4 {  // each thread's lines arrive in the order it wrote them
            let indices = lines.filter { $0.contains("worker=\(worker)") }.compactMap { line in
                line.split(separator: " ").first { $0.hasPrefix("index=") }.flatMap { Int($0.dropFirst(6)) }
            }
            #expect(indices == Array(0..<500))
        }
    }

    @Test(.timeLimit(.minutes(1))) func sinkDropsAndCountsLinesBeyondItsCapacityInsteadOfBlocking() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        // Nobody reads the pipe yet, so the sink's writer blocks once the pipe is full and its 1 kB buffer
        // fills up: further lines must be dropped and counted, never waited for (or this test would hang).
        let sink = LogSink(fileDescriptor: writeEnd, capacity: 1024)
        let line = Array(String(repeating: "x", count: 99).utf8) + [0x0A]
        for _ in 0..<2000 { sink.append(line) }  // 200 kB against a 64 kB pipe
        let received = Mutex<[UInt8]>([])
        let done = DispatchSemaphore(value: 0)
        Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while case let count = read(readEnd, &buffer, buffer.count), count > 0 {
                received.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
            done.signal()
        }.start()
        sink.flush()  // waits for the writer, which the reader has unblocked
        sink.append(Array("last\n".utf8))
        sink.flush()
        close(writeEnd)
        done.wait()
        let lines = received.withLock { String(decoding: $0, as: UTF8.self) }.split(separator: "\n")
        let kept = lines.filter { $0 == String(repeating: "x", count: 99) }.count
        #expect(kept < 2000 && kept > 0)
        // Lines can be dropped both before the pipe fills (while the writer is still keeping up) and after,
        // so the drops may be reported in more than one note; together they account for every lost line.
        let notes = lines.filter { $0.contains("lines dropped") }
        #expect(!notes.isEmpty)
        #expect(notes.allSatisfy { $0.hasPrefix("[log] ") && $0.hasSuffix(" lines dropped: the log output was too slow") })
        let reported = notes.compactMap { Int($0.dropFirst("[log] ".count).prefix { $0.isNumber }) }.reduce(0, +)
        #expect(reported == 2000 - kept)
        #expect(lines.last == "last")
    }
}
