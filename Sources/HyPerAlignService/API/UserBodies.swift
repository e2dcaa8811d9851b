import HyPerAlign

/// The body of `PUT /v1/users/{id}`: the user's texts and known attributes (replaces what was there).
struct UserBody: Decodable, Sendable {
    var texts: [TextBody]
    var attributes: [String: String]?
}

/// The body of `POST /v1/users/{id}/texts`: texts to append.
struct TextsBody: Decodable, Sendable {
    var texts: [TextBody]
}

/// One text as a client sends it; the id is optional (`t1`, `t2`, … by position).
struct TextBody: Decodable, Sendable {
    /// The longest text id a client may give, in code points.
    static let maxIDLength = 128

    var id: String?
    var text: String
    var prompt: String?
    var source: String?

    func userText(defaultID: String) -> UserText {
        UserText(id: id ?? defaultID, text: text, prompt: prompt, source: source)
    }
}

/// A list in the OpenAI list shape: `{"object": "list", "data": [...]}`.
struct ListBody<Element: Encodable & Sendable>: Encodable, Sendable {
    var object = "list"
    var data: [Element]
}
