/// What shape the answer must take.
///
/// `jsonSchema` is sent as the backend's native constraint where it has one (OpenAI `response_format`,
/// llama.cpp's grammar-backed `json_schema`, Ollama `format`), so even a tiny model emits parseable JSON.
public enum ResponseFormat: Sendable, Hashable, Codable {
    case text
    case jsonSchema(name: String, schema: JSONValue)
}
