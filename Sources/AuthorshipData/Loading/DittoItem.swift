/// One item of a DITTO split file (`ditto_*.json`).
struct DittoItem {
    var author: String
    var position: Int
    var sources: [String]
    var prompt: String
    var output: String

    init(_ record: JSONRecord) throws(AuthorshipDataError) {
        author = try record.string("author")
        position = try record.int("position")
        sources = try record.strings("source")
        prompt = try record.string("prompt")
        output = try record.string("output")
    }

    /// As a test item with a stable id such as "ccat50/test/AaronPressman/0".
    func testItem(dataset: AuthorshipDataset, split: String) -> TestItem {
        TestItem(id: "\(dataset.rawValue)/\(split)/\(author)/\(position)", prompt: prompt, realOutput: output)
    }

    /// Reads a split file, ordered by author then position.
    static func read(_ file: String, with reader: DataFileReader) throws(AuthorshipDataError) -> [DittoItem] {
        var items: [DittoItem] = []
        for record in try reader.jsonArray(file) { items.append(try DittoItem(record)) }
        return items.sorted { ($0.author, $0.position) < ($1.author, $1.position) }
    }
}
