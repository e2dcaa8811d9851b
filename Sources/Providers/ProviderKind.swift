/// The model providers the tools can talk to.
package enum ProviderKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The bundled llama.cpp model, run as a child process: no key, no network.
    case embedded
    /// Any OpenAI-compatible chat API (OpenAI, vLLM, llama.cpp, Ollama, gateways).
    case openai
    /// Anthropic's Messages API.
    case anthropic
}
