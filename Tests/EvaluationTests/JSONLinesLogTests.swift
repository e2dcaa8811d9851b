import Evaluation
import Foundation
import RunFolders
import Testing

struct JSONLinesLogTests {
    struct Row: Codable, Sendable, Equatable { var key: String; var value: Int }

    @Test func appendsAndReadsBack() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)/rows.jsonl")
        do {
            let (log, existing) = try JSONLinesLog<Row>.open(url)
            #expect(existing.isEmpty)
            try log.append(Row(key: "a", value: 1))
            try log.append(Row(key: "b", value: 2))
        }
        let (_, rows) = try JSONLinesLog<Row>.open(url)
        #expect(rows == [Row(key: "a", value: 1), Row(key: "b", value: 2)])
    }

    @Test func cutsATornLastLineSoAppendsStayReadable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)/rows.jsonl")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"{"key":"a","value":1}"#.utf8 + [10] + #"{"key":"b","va"#.utf8).write(to: url)
        do {
            let (log, rows) = try JSONLinesLog<Row>.open(url)
            #expect(rows == [Row(key: "a", value: 1)])
            try log.append(Row(key: "c", value: 3))
        }
        let (_, rows) = try JSONLinesLog<Row>.open(url)
        #expect(rows == [Row(key: "a", value: 1), Row(key: "c", value: 3)])
    }
}
