import Foundation

/// Checks a value a person gives an attribute: valid for its field, one line, not too long. An empty value
/// clears the attribute.
enum PersonAttributeValue {
    static func check(_ value: String?, for name: AttributeName) throws -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        func fail(_ why: String) -> HypothesisEditError {
            HypothesisEditError(message: "attribute '\(name.rawValue)': \(why)")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw fail("must be one line without control characters")
        }
        switch name {
        case .register:
            let lowered = trimmed.lowercased()
            guard AttributeName.registers.contains(lowered) else {
                throw fail("'\(trimmed)' is not one of \(AttributeName.registers.joined(separator: ", "))")
            }
            return lowered
        case .typicalLengthWords:
            guard let words = Int(trimmed), (1...20_000).contains(words) else {
                throw fail("'\(trimmed)' is not a number of words between 1 and 20000")
            }
            return String(words)
        case .language:
            guard trimmed.count <= 40, trimmed.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else {
                throw fail("'\(trimmed)' is not a language name (letters, spaces and '-', at most 40)")
            }
            return trimmed
        case .domain, .audience:
            guard trimmed.count <= 120 else { throw fail("at most 120 characters (this has \(trimmed.count))") }
            return trimmed
        }
    }
}
