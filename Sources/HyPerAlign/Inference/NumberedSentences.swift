/// A person's texts as numbered sentences, so a model cites evidence by number and the project fills in
/// the exact sentence: every quote is verbatim by construction, and the grammar holds one integer range
/// however long the texts are.
///
/// Within a token budget, sentences are taken round-robin across texts (each text's opening first), then
/// numbered in reading order, grouped by text.
public struct NumberedSentences: Sendable, Hashable {
    /// One sentence offered as evidence.
    public struct Sentence: Sendable, Hashable {
        /// The number the model cites (1-based).
        public var id: Int
        /// The sentence exactly as the person wrote it (whitespace at the edges trimmed).
        public var text: String
        /// Which text (0-based) it comes from.
        public var textIndex: Int
    }

    public private(set) var sentences: [Sentence]
    /// How many texts contributed at least one sentence.
    public private(set) var textsUsed: Int

    /// Numbers the sentences of `texts` that fit in `tokenBudget` (4 characters a token).
    /// - Parameter minimumWords: shorter sentences (a "— M." sign-off line) are not offered as evidence.
    public init(texts: [String], tokenBudget: Int, minimumWords: Int = 4, maximumWords: Int = 60) {
        let perText = texts.map { text in
            EvidenceVerifier.sentences(text).filter {
                (minimumWords...maximumWords).contains(EvidenceVerifier.words($0).count)
            }
        }
        var picked: [(text: Int, position: Int)] = []
        var remaining = tokenBudget * 4
        var position = 0
        round: while perText.contains(where: { position < $0.count }) {
            for (index, sentences) in perText.enumerated() where position < sentences.count {
                let cost = sentences[position].utf8.count + 6
                guard cost <= remaining else { break round }
                remaining -= cost
                picked.append((index, position))
            }
            position += 1
        }
        picked.sort { ($0.text, $0.position) < ($1.text, $1.position) }
        sentences = picked.enumerated().map { id, pick in
            Sentence(id: id + 1, text: perText[pick.text][pick.position], textIndex: pick.text)
        }
        textsUsed = Set(picked.map(\.text)).count
    }

    /// The sentence numbered `id`, if any.
    public func sentence(_ id: Int) -> String? {
        sentences.indices.contains(id - 1) ? sentences[id - 1].text : nil
    }

    /// `<text n="1">` blocks of `[id] sentence` lines, with tag-like sequences neutralised.
    public func rendered() -> String {
        var blocks: [String] = []
        var current: Int?
        var lines: [String] = []
        func flush() {
            if let current { blocks.append("<text n=\"\(current + 1)\">\n" + lines.joined(separator: "\n") + "\n</text>") }
            lines = []
        }
        for sentence in sentences {
            if sentence.textIndex != current {
                flush()
                current = sentence.textIndex
            }
            lines.append("[\(sentence.id)] \(TextBlocks.neutralize(sentence.text))")
        }
        flush()
        return blocks.joined(separator: "\n")
    }
}
