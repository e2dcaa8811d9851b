import Foundation

/// Reads a model's inference answer into hypotheses and attributes, tolerating the shapes small models
/// produce (a bare array, `evidence` as one string, a category in capitals), and rejecting what cannot be
/// used with a message the model is shown on retry.
struct InferenceAnswerParser {
    struct Answer {
        var hypotheses: [Hypothesis]
        var attributes: InferredAttributes
        var skipped: [String]
    }

    func parse(_ text: String) throws -> Answer {
        let object = try LenientJSON.extractObject(from: text)
        guard let rawHypotheses = object["hypotheses"] as? [Any] else {
            throw LenientJSONError(message: "the object has no \"hypotheses\" array", excerpt: LenientJSON.excerpt(text))
        }
        var hypotheses: [Hypothesis] = []
        var skipped: [String] = []
        for (index, raw) in rawHypotheses.enumerated() {
            guard let item = raw as? [String: Any] else {
                skipped.append("hypothesis \(index + 1) is not an object")
                continue
            }
            let statement = (item["statement"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !statement.isEmpty else {
                skipped.append("hypothesis \(index + 1) has no statement")
                continue
            }
            let categoryText = (item["category"] as? String)?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
            guard let category = Hypothesis.Category(rawValue: categoryText) else {
                skipped.append("hypothesis \(index + 1) has category '\(categoryText)', not communication/personality/style")
                continue
            }
            let evidence: [String]
            switch item["evidence"] {
            case let list as [Any]: evidence = list.compactMap { $0 as? String }
            case let single as String: evidence = [single]
            default: evidence = []
            }
            let confidence = (item["confidence"] as? Double).map { min(max($0, 0), 1) }
            hypotheses.append(Hypothesis(category: category, statement: statement, evidence: evidence, confidence: confidence))
        }
        let rawAttributes = object["attributes"] as? [String: Any] ?? [:]
        func attribute(_ key: String) -> String? {
            (rawAttributes[key] as? String).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let attributes = InferredAttributes(
            typicalLengthWords: (rawAttributes["typical_length_words"] as? Double).map { Int($0) },
            register: attribute("register"), domain: attribute("domain"), audience: attribute("audience"),
            language: attribute("language"),
            formattingHabits: (rawAttributes["formatting_habits"] as? [Any])?.compactMap { $0 as? String } ?? [])
        return Answer(hypotheses: hypotheses, attributes: attributes, skipped: skipped)
    }
}
