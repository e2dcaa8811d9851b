import Foundation
import HyPerAlign
import Testing

struct ProfileTextLoaderTests {
    func write(_ name: String, _ content: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(content.utf8).write(to: url)
        return url
    }

    @Test func readsJSONLWithPromptsAndIds() throws {
        let url = try write("t.jsonl", #"{"id": "a", "text": "Hello there.", "prompt": "Greet"}"# + "\n\n" + #"{"text": "Second", "context": "c"}"#)
        let texts = try ProfileTextLoader().load(url)
        #expect(texts.map(\.id) == ["a", "t.jsonl:3"])
        #expect(texts[0].prompt == "Greet")
        #expect(texts[1].prompt == "c")
    }

    @Test(arguments: [
        (#"{"text": "ok"}"# + "\n" + #"{"prompt": "x"}"#, "t.jsonl:2: field 'text': is missing"),
        (#"{"text": "   "}"#, "t.jsonl:1: field 'text': is empty"),
        (#"{"text": 5}"#, "t.jsonl:1: field 'text': must be a string"),
        ("just some prose", "t.jsonl:1: not a JSON object"),
        (#"{"text": "a", "prompt": 3}"#, "t.jsonl:1: field 'prompt': must be a string"),
    ])
    func namesFileLineAndField(content: String, expected: String) throws {
        let url = try write("t.jsonl", content)
        let error = #expect(throws: InputError.self) { try ProfileTextLoader().load(url) }
        #expect(error?.description.hasPrefix(expected) == true, "\(error?.description ?? "")")
    }

    @Test func readsQuotedCSVWithNewlinesInFields() throws {
        let url = try write("t.csv", "id,prompt,text\n1,\"Say hi\",\"Hello, \"\"friend\"\"\nsecond line\"\n2,,Plain\n")
        let texts = try ProfileTextLoader().load(url)
        #expect(texts.count == 2)
        #expect(texts[0].text == "Hello, \"friend\"\nsecond line")
        #expect(texts[1].prompt == nil)
        #expect(texts[1].source == "t.csv:4")
    }

    @Test func csvErrorsNameTheLine() throws {
        let missing = try write("m.csv", "id,body\n1,hello\n")
        #expect(throws: InputError(file: "m.csv", line: 1, field: "text", message: "no 'text' column in the header (found: id, body)")) {
            try ProfileTextLoader().load(missing)
        }
        let ragged = try write("r.csv", "id,text\n1,hello\n2,a,b\n")
        let error = #expect(throws: InputError.self) { try ProfileTextLoader().load(ragged) }
        #expect(error?.description == "r.csv:3: has 3 fields, the header has 2")
        let open = try write("o.csv", "text\n\"never closed\n")
        let openError = #expect(throws: InputError.self) { try ProfileTextLoader().load(open) }
        #expect(openError?.description == "o.csv:2: a quoted field is never closed")
    }

    @Test func rejectsInvalidUTF8AndBinaryWithTheLine() throws {
        let directory = try write("a.txt", "fine").deletingLastPathComponent()
        let bad = directory.appendingPathComponent("bad.txt")
        try Data([0x6F, 0x6B, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: bad)
        let error = #expect(throws: InputError.self) { try ProfileTextLoader().load(bad) }
        #expect(error?.description == "bad.txt:2: is not valid UTF-8 text")
        let binary = directory.appendingPathComponent("bin.md")
        try Data([0x61, 0x00, 0x62]).write(to: binary)
        #expect(throws: InputError.self) { try ProfileTextLoader().load(binary) }
    }

    @Test func readsAFolderInNameOrderAndSkipsOtherFiles() throws {
        let first = try write("b.txt", "Second text")
        let directory = first.deletingLastPathComponent()
        try Data("First text".utf8).write(to: directory.appendingPathComponent("a.md"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("notes.pdf"))
        let texts = try ProfileTextLoader().load(directory)
        #expect(texts.map(\.text) == ["First text", "Second text"])
    }

    @Test func unsupportedExtensionAndMissingFile() throws {
        let url = try write("x.docx", "whatever")
        let error = #expect(throws: InputError.self) { try ProfileTextLoader().load(url) }
        #expect(error?.message.contains("unsupported file type '.docx'") == true)
        #expect(throws: InputError.self) { try ProfileTextLoader().load(URL(fileURLWithPath: "/nonexistent/file.txt")) }
    }
}
