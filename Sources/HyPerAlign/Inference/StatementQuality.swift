/// Guards against the two ways small models fail at writing a hypothesis: looping on one sentence, and
/// copying a passage of the texts instead of saying something about the person.
enum StatementQuality {
    /// Removes sentences that repeat an earlier sentence of the same statement.
    static func collapseRepetitions(_ statement: String) -> String {
        let sentences = EvidenceVerifier.sentences(statement)
        var seen: Set<String> = []
        let unique = sentences.filter { seen.insert(EvidenceVerifier.normalize($0)).inserted }
        return unique.count == sentences.count ? statement : unique.joined(separator: " ")
    }

    /// Whether a sequence of four words recurs (small models loop: "a person who is a person who is").
    static func loops(_ words: [String]) -> Bool {
        guard words.count >= 8 else { return false }
        var seen: Set<String> = []
        for start in 0...(words.count - 4) where !seen.insert(words[start..<start + 4].joined(separator: " ")).inserted {
            return true
        }
        return false
    }

    /// Why a statement is not a usable hypothesis, or nil when it is.
    static func problem(with statement: String, verifier: EvidenceVerifier) -> String? {
        let words = EvidenceVerifier.words(statement)
        if words.count < 3 { return "the statement is too short to act on" }
        if loops(words) { return "the statement repeats itself" }
        if words.count >= 5, verifier.contains(statement) {
            return "the statement is a quote from the texts, not a hypothesis about the person"
        }
        return nil
    }
}
