import AuthorshipData
import Foundation
import Testing

/// Broken data written to a temporary directory must produce errors naming file, line and field.
struct LoaderErrorTests {
    func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("authorship-\(UUID().uuidString)")
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }

    func error(loading dataset: AuthorshipDataset, from files: [String: String]) throws -> AuthorshipDataError? {
        let root = try directory(files)
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try AuthorshipCorpusLoader(dataDirectory: root).load(dataset)
            return nil
        } catch {
            return error
        }
    }

    static let goodLine = #"{"author": "A", "split": "C50train", "file": "1.txt", "text": "Hello."}"#

    @Test func missingFieldNamesFileLineAndField() throws {
        let broken = [Self.goodLine, #"{"author": "A", "split": "C50train", "file": "2.txt"}"#].joined(separator: "\n")
        let error = try #require(try error(loading: .ccat50, from: ["ccat50/c50train.jsonl": broken]))
        #expect(error.description == "ccat50/c50train.jsonl:2: field 'text' is missing")
        #expect(error.line == 2 && error.field == "text")
    }

    @Test func wrongTypeAndInvalidJSON() throws {
        let wrongType = #"{"author": 5, "split": "C50train", "file": "1.txt", "text": "x"}"#
        #expect(try error(loading: .ccat50, from: ["ccat50/c50train.jsonl": wrongType])?.description
            == "ccat50/c50train.jsonl:1: field 'author' is not a string")
        let invalid = Self.goodLine + "\n\n{not json\n"
        #expect(try error(loading: .ccat50, from: ["ccat50/c50train.jsonl": invalid])?.description
            == "ccat50/c50train.jsonl:3: is not a JSON object")
    }

    @Test func missingFileAndBrokenSplitItem() throws {
        let missing = try #require(try error(loading: .ccat50, from: ["ccat50/c50train.jsonl": Self.goodLine]))
        #expect(missing.file == "ccat50/c50test.jsonl")
        #expect(missing.description.hasPrefix("ccat50/c50test.jsonl: file not found"))
        let item = #"[{"author": "A", "position": 0, "source": ["C50train/A/1.txt"], "output": "Hello."}]"#
        let files = [
            "ccat50/c50train.jsonl": Self.goodLine, "ccat50/c50test.jsonl": "",
            "ccat50/ditto_val.json": item, "ccat50/ditto_test.json": "[]",
        ]
        #expect(try error(loading: .ccat50, from: files)?.description == "ccat50/ditto_val.json: item 0: field 'prompt' is missing")
    }

    @Test func emptyBlogTextIsAllowedButMissingIdIsNot() throws {
        let line = #"{"post_index": 0, "text": "hi"}"#
        #expect(try error(loading: .blogs, from: ["blog_authorship/posts.jsonl": line])?.description
            == "blog_authorship/posts.jsonl:1: field 'blogger_id' is missing")
        let fine = #"{"blogger_id": "1", "post_index": 0, "text": ""}"#
        #expect(try error(loading: .blogs, from: ["blog_authorship/posts.jsonl": fine]) == nil)
    }
}
