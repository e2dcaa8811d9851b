import Foundation
import LanguageModels
import HyPerAlignTesting

/// A fake OpenAI-compatible upstream: real HTTP on loopback, scripted answers in OpenAI's wire format.
enum OpenAIUpstream {
    static func completion(_ text: String, promptTokens: Int = 11, completionTokens: Int = 4) -> WireTestServer.Reply {
        .json("""
            {"id":"chatcmpl-up","object":"chat.completion","created":1,"model":"upstream-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":\(quoted(text))},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":\(promptTokens),"completion_tokens":\(completionTokens),"total_tokens":\(promptTokens + completionTokens)}}
            """)
    }

    static func stream(_ pieces: [String]) -> WireTestServer.Reply {
        var events = pieces.map { piece in
            #"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"upstream-model","choices":[{"index":0,"delta":{"content":\#(quoted(piece))},"finish_reason":null}]}"# + "\n\n"
        }
        events.append(#"data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"upstream-model","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}"# + "\n\n")
        events.append("data: [DONE]\n\n")
        return .events(events, pause: .milliseconds(2))
    }

    static func error(_ status: Int, message: String = "upstream trouble", headers: [String: String] = [:]) -> WireTestServer.Reply {
        .json(#"{"error":{"message":\#(quoted(message)),"type":"server_error","code":null}}"#, status: status, headers: headers)
    }

    /// The body request `index` reached the upstream with.
    static func body(_ server: WireTestServer, _ index: Int = 0) -> String { server.requests[index].body }

    /// A model talking to `server` without retries, so faults surface at once. The timeout is generous: a
    /// loaded CI machine can stall a loopback call for seconds, and only the timeout tests want one to lapse.
    static func model(_ server: WireTestServer, timeout: Duration = .seconds(30)) -> OpenAICompatibleModel {
        OpenAICompatibleModel(configuration: .init(
            baseURL: server.baseURL + "/v1", apiKey: "upstream-secret", model: "upstream-model", timeout: timeout,
            streamTimeout: timeout, retry: .none, maxConcurrentRequests: 64))
    }

    /// The messages the upstream received in request `index`.
    static func messages(_ server: WireTestServer, _ index: Int = 0) -> [[String: Any]] {
        (server.requests[index].json?["messages"] as? [[String: Any]]) ?? []
    }

    static func quoted(_ text: String) -> String { String(decoding: try! JSONEncoder().encode(text), as: UTF8.self) }
}
