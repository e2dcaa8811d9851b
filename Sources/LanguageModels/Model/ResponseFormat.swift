/// What shape the answer must take.
///
/// `jsonSchema` is sent as the backend's native constraint where it has one (OpenAI `response_format`,
/// llama.cpp's grammar-backed `json_schema`, Ollama `format`), so even a tiny model emits parseable JSON.
public enum ResponseFormat: Sendable, Hashable, Codable {
    case text
    /// Any JSON object, no schema (OpenAI's JSON mode, `response_format: {"type": "json_object"}`).
    case jsonObject
    case jsonSchema(name: String, schema: JSONValue)
}
