import Foundation

/// Short verbatim passages of a person's texts (sentences, long ones split into clauses; at most `limit`,
/// since grammar-constrained sampling slows with every alternative), offered to the
/// model as the only strings an evidence quote may be.
///
/// With a grammar-constrained backend this makes every quote verbatim by construction — the difference
/// between a 135M-parameter model whose evidence is invented and one whose evidence checks out.
public enum EvidenceCandidates {
    public static func passages(from texts: [String], limit: Int = 60) -> [String] {
        var perText: [[String]] = []
        for text in texts {
            var passages: [String] = []
            for sentence in EvidenceVerifier.sentences(text) {
                let words = EvidenceVerifier.words(sentence).count
                if words <= 25 {
                    if words >= 4 { passages.append(sentence) }
                    continue
                }
                for clause in split(sentence) where (4...25).contains(EvidenceVerifier.words(clause).count) {
                    passages.append(clause)
                }
            }
            perText.append(passages)
        }
        // Take round-robin across texts so every text is represented within the limit.
        var result: [String] = []
        var seen: Set<String> = []
        var index = 0
        while result.count < limit, perText.contains(where: { index < $0.count }) {
            for passages in perText where index < passages.count && result.count < limit {
                if seen.insert(passages[index]).inserted { result.append(passages[index]) }
            }
            index += 1
        }
        return result
    }

    static func split(_ sentence: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        for character in sentence {
            if ",;:—".contains(character) {
                let trimmed = current.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { clauses.append(trimmed) }
                current = ""
            } else {
                current.append(character)
            }
        }
        let trimmed = current.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { clauses.append(trimmed) }
        return clauses
    }
}
