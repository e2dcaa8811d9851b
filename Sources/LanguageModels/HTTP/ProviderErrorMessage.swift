import Foundation
import NIOCore

/// Pulls the human message out of a provider's error body (`{"error":{"message":…}}` in both the OpenAI
/// and the Anthropic shape), falling back to a short excerpt of the raw body.
enum ProviderErrorMessage {
    static func extract(from body: ByteBuffer) -> String {
        let text = String(buffer: body)
        if let json = try? JSONValue.parse(text) {
            if let message = json["error"]?["message"]?.stringValue {
                if let type = json["error"]?["type"]?.stringValue { return "\(type): \(message)" }
                return message
            }
            if let message = json["error"]?.stringValue { return message }
            if let message = json["message"]?.stringValue { return message }
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count > 300 ? String(trimmed.prefix(300)) + "…" : trimmed
    }
}
