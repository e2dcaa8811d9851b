import Foundation
import LanguageModels

/// A non-streamed OpenAI `chat.completion` object.
struct ChatCompletionResponse: Encodable, Sendable {
    var id: String
    var object = "chat.completion"
    var created: Int
    var model: String
    var choices: [Choice]
    var usage: Usage
    var systemFingerprint: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage
        case systemFingerprint = "system_fingerprint"
    }

    struct Choice: Encodable, Sendable {
        var index = 0
        var message: Message
        var finishReason: String?
        var logprobs: String? = nil

        enum CodingKeys: String, CodingKey {
            case index, message, logprobs
            case finishReason = "finish_reason"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(message, forKey: .message)
            try container.encode(finishReason, forKey: .finishReason)
            try container.encodeNil(forKey: .logprobs)
        }
    }

    struct Message: Encodable, Sendable {
        var role = "assistant"
        var content: String
    }

    struct Usage: Encodable, Sendable {
        var promptTokens: Int
        var completionTokens: Int
        var totalTokens: Int

        init(_ usage: TokenUsage) {
            promptTokens = usage.promptTokens
            completionTokens = usage.completionTokens
            totalTokens = usage.totalTokens
        }

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", totalTokens = "total_tokens"
        }
    }

    init(id: String, model: String, response: ChatResponse) {
        self.id = id
        self.created = Int(Date().timeIntervalSince1970)
        self.model = model
        self.choices = [Choice(message: Message(content: response.text), finishReason: (response.finishReason ?? .stop).rawValue)]
        self.usage = Usage(response.usage)
    }

    /// `chatcmpl-` and 24 random characters, like OpenAI's ids.
    static func makeID() -> String {
        "chatcmpl-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(24).lowercased()
    }
}

/// One streamed OpenAI `chat.completion.chunk`.
struct ChatCompletionChunk: Encodable, Sendable {
    var id: String
    var object = "chat.completion.chunk"
    var created: Int
    var model: String
    var choices: [Choice]
    var usage: ChatCompletionResponse.Usage?

    struct Choice: Encodable, Sendable {
        var index = 0
        var delta: Delta
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, delta
            case finishReason = "finish_reason"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(delta, forKey: .delta)
            try container.encode(finishReason, forKey: .finishReason)
        }
    }

    struct Delta: Encodable, Sendable {
        var role: String?
        var content: String?
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(object, forKey: .object)
        try container.encode(created, forKey: .created)
        try container.encode(model, forKey: .model)
        try container.encode(choices, forKey: .choices)
        if let usage { try container.encode(usage, forKey: .usage) } else { try container.encodeNil(forKey: .usage) }
    }

    enum CodingKeys: String, CodingKey { case id, object, created, model, choices, usage }
}

/// `GET /v1/models`: the one model the service proxies to.
struct ModelList: Encodable, Sendable {
    var object = "list"
    var data: [Model]

    struct Model: Encodable, Sendable {
        var id: String
        var object = "model"
        var created: Int
        var ownedBy: String
        enum CodingKeys: String, CodingKey {
            case id, object, created
            case ownedBy = "owned_by"
        }
    }
}
