import HyPerAlign
import Testing

struct LenientJSONTests {
    @Test(arguments: [
        #"{"a": 1}"#,
        "```json\n{\"a\": 1}\n```",
        "Here you go: {\"a\": 1} — done {not json}",
        #"{"a": 1,}"#,
        "{\"a\": 1, \"b\": [1, 2,",
        "{\"a\": 1, \"s\": \"cut off mid-str",
    ])
    func extractsTheObject(text: String) throws {
        let object = try LenientJSON.extractObject(from: text)
        #expect(object["a"] as? Int == 1)
    }

    @Test func saysWhyWhenThereIsNoObject() {
        let error = #expect(throws: LenientJSONError.self) { try LenientJSON.extractObject(from: "I refuse.") }
        #expect(error?.description.contains("no JSON object") == true)
        #expect(error?.description.contains("I refuse.") == true)
    }

    /// A raw line break inside a string, as a grammar that allows "any character but …" lets a small model
    /// write (seen from SmolLM2 in the demo's communication answer), is read as the line break it is.
    @Test func rawControlCharactersInsideStringsAreEscaped() throws {
        let object = try LenientJSON.extractObject(from: "{\"statement\": \"They tend to\nwrite\tshort\r\nnotes \u{01}.\", \"evidence\": [1]}\n")
        #expect(object["statement"] as? String == "They tend to\nwrite\tshort\r\nnotes \u{01}.")
        #expect(object["evidence"] as? [Int] == [1])
    }
}
