import Foundation

/// Reads one category's answer: statements with sentence numbers, turned into hypotheses whose evidence
/// is the numbered sentences themselves.
struct CategoryAnswerParser {
    struct Answer {
        var hypotheses: [Hypothesis]
        var attributes: InferredAttributes?
        var skipped: [String]
    }

    var category: Hypothesis.Category
    var sentences: NumberedSentences

    func parse(_ text: String) throws -> Answer {
        let object = try LenientJSON.extractObject(from: text)
        guard let raw = object["hypotheses"] as? [Any] else {
            throw LenientJSONError(message: "the object has no \"hypotheses\" array", excerpt: LenientJSON.excerpt(text))
        }
        var hypotheses: [Hypothesis] = []
        var skipped: [String] = []
        for (index, item) in raw.enumerated() {
            let label = "\(category) hypothesis \(index + 1)"
            guard let item = item as? [String: Any],
                  let statement = (item["statement"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !statement.isEmpty
            else {
                skipped.append("\(label) has no statement")
                continue
            }
            let ids: [Int]
            switch item["evidence"] {
            case let list as [Any]: ids = list.compactMap(Self.integer)
            case let single?: ids = Self.integer(single).map { [$0] } ?? []
            case nil: ids = []
            }
            var seen: Set<Int> = []
            let quotes = ids.filter { seen.insert($0).inserted }.compactMap(sentences.sentence)
            guard !quotes.isEmpty else {
                skipped.append("\(label) cites no sentence that exists (\(ids.map(String.init).joined(separator: ", ")))")
                continue
            }
            hypotheses.append(Hypothesis(category: category, statement: statement, evidence: quotes))
        }
        var attributes: InferredAttributes?
        if let raw = object["attributes"] as? [String: Any] {
            func value(_ key: String) -> String? {
                (raw[key] as? String).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            }
            attributes = InferredAttributes(register: value("register"), domain: value("domain"), audience: value("audience"))
        }
        return Answer(hypotheses: hypotheses, attributes: attributes, skipped: skipped)
    }

    static func integer(_ value: Any) -> Int? {
        switch value {
        case let number as NSNumber: number.intValue
        case let text as String: Int(text.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")))
        default: nil
        }
    }
}
