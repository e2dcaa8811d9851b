import Foundation
import HyPerAlignTesting

/// An OpenAI-like upstream for the conformance suite: answers each feature the way OpenAI does (tool
/// calls, `n` choices, logprobs, JSON mode, errors, streams with tool-call deltas and a usage chunk),
/// with fixed ids and headers, so a client can compare the service's answers with the upstream's own.
enum ConformanceUpstream {
    static let headers = [
        "x-request-id": "req_conformance", "x-ratelimit-remaining-requests": "4999", "x-ratelimit-limit-tokens": "2000000",
        "openai-processing-ms": "42",
    ]

    static func reply(_ request: WireTestServer.Recorded) -> WireTestServer.Reply {
        guard let body = request.json else { return error(400, "We could not parse the JSON body of your request.", "invalid_json") }
        let model = body["model"] as? String ?? "missing"
        let text = ((body["messages"] as? [[String: Any]])?.last?["content"] as? String) ?? ""
        if text.contains("reject me") {
            return error(400, "Invalid 'max_completion_tokens': integer above maximum value.", "integer_above_max_value", param: "max_completion_tokens")
        }
        if text.contains("rate limit me") { return error(429, "Rate limit reached for requests", "rate_limit_exceeded", type: "requests") }
        if text.contains("fail me") { return error(500, "The server had an error while processing your request.", nil, type: "server_error") }
        if let format = body["response_format"] as? [String: Any], format["type"] as? String != "json_object" {
            return error(400, "response_format must be json_object here", "invalid_response_format")
        }
        let tools = body["tools"] != nil
        if body["stream"] as? Bool == true {
            let usage = (body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true
            return .events(events(model: model, tools: tools, usage: usage), pause: .milliseconds(1))
        }
        let n = body["n"] as? Int ?? 1
        let logprobs = body["logprobs"] as? Bool == true
        let choices = (0..<n).map { index in
            var message = #"{"role":"assistant","content":"Answer \#(index).","refusal":null}"#
            if tools {
                message = #"{"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}"#
            } else if body["response_format"] != nil {
                message = #"{"role":"assistant","content":"{\"ok\": true}","refusal":null}"#
            }
            let probs = logprobs
                ? #"{"content":[{"token":"Answer","logprob":-0.01,"bytes":[65,110,115,119,101,114],"top_logprobs":[{"token":"Answer","logprob":-0.01,"bytes":[65,110,115,119,101,114]}]}],"refusal":null}"#
                : "null"
            return #"{"index":\#(index),"message":\#(message),"logprobs":\#(probs),"finish_reason":"\#(tools ? "tool_calls" : "stop")"}"#
        }
        return .json(#"""
            {"id":"chatcmpl-conformance","object":"chat.completion","created":1700000000,"model":"\#(model)","system_fingerprint":"fp_conf",
             "service_tier":"default","choices":[\#(choices.joined(separator: ","))],
             "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17,"completion_tokens_details":{"reasoning_tokens":0}}}
            """#, headers: headers)
    }

    static func events(model: String, tools: Bool, usage: Bool) -> [String] {
        func chunk(_ choices: String, usage: String = "null") -> String {
            #"data: {"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1700000000,"model":"\#(model)","system_fingerprint":"fp_conf","choices":\#(choices),"usage":\#(usage)}"# + "\n\n"
        }
        var events: [String]
        if tools {
            events = [
                chunk(#"[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}]"#),
                chunk(#"[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"logprobs":null,"finish_reason":null}]"#),
                chunk(#"[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"logprobs":null,"finish_reason":null}]"#),
                chunk(#"[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]"#),
            ]
        } else {
            events = [chunk(#"[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]"#)]
            for piece in ["Hello", " from", " the stream."] {
                events.append(chunk(#"[{"index":0,"delta":{"content":"\#(piece)"},"logprobs":null,"finish_reason":null}]"#))
            }
            events.append(chunk(#"[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]"#))
        }
        if usage { events.append(chunk("[]", usage: #"{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}"#)) }
        events.append("data: [DONE]\n\n")
        return events
    }

    static func error(_ status: Int, _ message: String, _ code: String?, type: String = "invalid_request_error", param: String? = nil)
        -> WireTestServer.Reply
    {
        let code = code.map { "\"\($0)\"" } ?? "null"
        let param = param.map { "\"\($0)\"" } ?? "null"
        return .json(#"{"error":{"message":"\#(message)","type":"\#(type)","param":\#(param),"code":\#(code)}}"#,
                     status: status, headers: headers)
    }
}
