import Foundation

/// Bodies in the Anthropic Messages wire format, as the real API sends them.
package enum AnthropicWire {
    package static func message(_ text: String, model: String = "claude-test", stopReason: String = "end_turn",
                               inputTokens: Int = 12, outputTokens: Int = 5) -> WireTestServer.Reply {
        .json("""
            {"id":"msg_01","type":"message","role":"assistant","model":"\(model)",
             "content":[{"type":"text","text":\(quoted(text))}],
             "stop_reason":"\(stopReason)","stop_sequence":null,
             "usage":{"input_tokens":\(inputTokens),"output_tokens":\(outputTokens)}}
            """)
    }

    /// An error in Anthropic's shape, e.g. 429 `rate_limit_error` or 529 `overloaded_error`.
    package static func error(_ status: Int, type: String, message: String, headers: [String: String] = [:])
        -> WireTestServer.Reply
    {
        .json(#"{"type":"error","error":{"type":"\#(type)","message":\#(quoted(message))}}"#, status: status, headers: headers)
    }

    /// A streamed message: `message_start`, a `ping`, one `content_block_delta` per chunk, `message_delta`,
    /// `message_stop` — split into pieces at awkward places to exercise the SSE parser.
    package static func stream(_ chunks: [String], inputTokens: Int = 12, outputTokens: Int = 7,
                              stopReason: String = "end_turn") -> WireTestServer.Reply {
        var events = [
            event("message_start", #"{"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-test","usage":{"input_tokens":\#(inputTokens),"output_tokens":1}}}"#),
            event("content_block_start", #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
            event("ping", #"{"type": "ping"}"#),
        ]
        for chunk in chunks {
            events.append(event("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\#(quoted(chunk))}}"#))
        }
        events += [
            event("content_block_stop", #"{"type":"content_block_stop","index":0}"#),
            event("message_delta", #"{"type":"message_delta","delta":{"stop_reason":"\#(stopReason)","stop_sequence":null},"usage":{"output_tokens":\#(outputTokens)}}"#),
            event("message_stop", #"{"type":"message_stop"}"#),
        ]
        return .events(splitAwkwardly(events.joined()))
    }

    /// A stream that fails midway with an `error` event, as the API does when overloaded.
    package static func streamFailing(after chunks: [String]) -> WireTestServer.Reply {
        var events = [event("message_start", #"{"type":"message_start","message":{"usage":{"input_tokens":3}}}"#)]
        for chunk in chunks {
            events.append(event("content_block_delta", #"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":\#(quoted(chunk))}}"#))
        }
        events.append(event("error", #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#))
        return .events(events)
    }

    package static func event(_ name: String, _ data: String) -> String {
        "event: \(name)\r\ndata: \(data)\r\n\r\n"
    }

    static func splitAwkwardly(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for (index, character) in text.enumerated() {
            current.append(character)
            if index % 37 == 36 {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    package static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}

/// Bodies in the OpenAI chat completions wire format.
package enum OpenAIWire {
    package static func completion(_ text: String, promptTokens: Int = 10, completionTokens: Int = 4) -> WireTestServer.Reply {
        .json("""
            {"id":"chatcmpl-1","object":"chat.completion","model":"test-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":\(AnthropicWire.quoted(text))},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":\(promptTokens),"completion_tokens":\(completionTokens),"total_tokens":\(promptTokens + completionTokens)}}
            """)
    }

    package static func stream(_ chunks: [String]) -> WireTestServer.Reply {
        var events = chunks.map { chunk in
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\(AnthropicWire.quoted(chunk))},\"finish_reason\":null}]}\n\n"
        }
        events.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
        events.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":\(chunks.count)}}\n\n")
        events.append("data: [DONE]\n\n")
        return .events(events)
    }

    package static func error(_ status: Int, message: String, headers: [String: String] = [:]) -> WireTestServer.Reply {
        .json(#"{"error":{"message":\#(AnthropicWire.quoted(message)),"type":"server_error"}}"#, status: status, headers: headers)
    }
}
