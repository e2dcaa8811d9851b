import Foundation
import LanguageModels
import Testing

/// ``JSONValue/canonicalText()`` is what every provider sends and every hash reads: valid JSON that reads
/// back as the same value, the same text for the same value, and a schema's properties in the order a
/// model should write them.
struct JSONValueTextTests {
    @Test func aSchemasPropertiesGoOutInTheOrderOfRequired() throws {
        let hypothesis: JSONValue = [
            "type": "object",
            "properties": ["statement": ["type": "string"], "evidence": ["type": "array", "items": ["type": "integer"]]],
            "required": ["statement", "evidence"],
            "additionalProperties": false,
        ]
        let schema: JSONValue = [
            "type": "object",
            "properties": ["hypotheses": ["type": "array", "items": hypothesis], "attributes": ["type": "object"], "note": ["type": "string"]],
            "required": ["hypotheses", "attributes"],
        ]
        let text = schema.canonicalText()
        func position(_ needle: String) throws -> String.Index { try #require(text.range(of: needle)).lowerBound }
        #expect(try position(#""hypotheses""#) < position(#""attributes""#))
        #expect(try position(#""attributes""#) < position(#""note""#))  // not required: after, sorted
        #expect(try position(#""statement""#) < position(#""evidence""#))
        let item = hypothesis.canonicalText()  // other keys stay sorted
        #expect(item.hasPrefix(#"{"additionalProperties":false,"properties":{"statement":"#))
        #expect(try JSONValue.parse(text) == schema)
    }

    @Test(arguments: [
        JSONValue.null, true, 0, -3, 1e15, 0.7, -2.5e-7, 123_456_789_012, "",
        "quote \" backslash \\ slash / newline \n tab \t return \r bell \u{07} nul \u{00} unit \u{1F} é 🙂 \u{2028}",
        ["b": 1, "a": [1, "x", nil, ["nested": false]], "properties": ["z": 1, "y": 2], "required": ["y"]],
    ] as [JSONValue])
    func readsBackAsTheSameValue(_ value: JSONValue) throws {
        let text = value.canonicalText()
        #expect(try JSONValue.parse(text) == value, "\(text)")
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) is Any)
        #expect(value.canonicalText() == text)
    }

    @Test func numbersJSONCannotHoldBecomeNull() {
        #expect(JSONValue.number(.nan).canonicalText() == "null")
        #expect(JSONValue.array([.number(.infinity)]).canonicalText() == "[null]")
    }
}
