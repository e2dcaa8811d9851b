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
}
